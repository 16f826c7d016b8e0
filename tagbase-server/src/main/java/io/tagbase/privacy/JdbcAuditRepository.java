package io.tagbase.privacy;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAuditRepository {
  private final JdbcClient jdbc;

  JdbcAuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      Instant at,
      String actor,
      String action,
      String targetType,
      String targetId,
      String detail,
      String addr) {
    jdbc.sql(
            "insert into audit_log (at, actor, action, target_type, target_id, detail, remote_addr)"
                + " values (:at, :actor, :action, :type, :id, :detail, :addr)")
        .param("at", Timestamp.from(at))
        .param("actor", actor)
        .param("action", action)
        .param("type", targetType, Types.VARCHAR)
        .param("id", targetId, Types.VARCHAR)
        .param("detail", detail, Types.VARCHAR)
        .param("addr", addr, Types.VARCHAR)
        .update();
  }

  List<AuditEntry> search(String actor, String action, Instant from, Instant to, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select id, at, actor, action, target_type, target_id, detail, remote_addr from audit_log where 1 = 1");
    if (actor != null) {
      sql.append(" and actor = :actor");
    }
    if (action != null) {
      sql.append(" and action = :action");
    }
    if (from != null) {
      sql.append(" and at >= :from");
    }
    if (to != null) {
      sql.append(" and at < :to");
    }
    var spec =
        jdbc.sql(sql.append(" order by id desc limit :limit").toString()).param("limit", limit);
    if (actor != null) {
      spec = spec.param("actor", actor);
    }
    if (action != null) {
      spec = spec.param("action", action);
    }
    if (from != null) {
      spec = spec.param("from", Timestamp.from(from));
    }
    if (to != null) {
      spec = spec.param("to", Timestamp.from(to));
    }
    return spec.query(
            (rs, n) ->
                new AuditEntry(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }
}
