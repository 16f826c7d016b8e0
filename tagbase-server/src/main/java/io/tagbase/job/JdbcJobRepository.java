package io.tagbase.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcJobRepository {
  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  JdbcJobRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  long insert(String kind, int total, String actor, String owner, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into job (kind, status, total, processed, succeeded, failed, created_by,"
                + " created_at, heartbeat_at, owner) values (:kind, 'RUNNING', :total, 0, 0, 0,"
                + " :actor, :now, :now, :owner)")
        .param("owner", owner)
        .param("kind", kind)
        .param("total", total)
        .param("actor", actor)
        .param("now", Timestamp.from(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void progress(long id, int processed) {
    jdbc.sql("update job set processed = :p where id = :id and status = 'RUNNING'")
        .param("p", processed)
        .param("id", id)
        .update();
  }

  void finish(long id, JobOutcome outcome, Instant now) {
    jdbc.sql(
            "update job set status = :status, processed = total, succeeded = :ok, failed = :failed,"
                + " message = :message, finished_at = :now where id = :id")
        .param("status", outcome.status().name())
        .param("ok", outcome.succeeded())
        .param("failed", outcome.errors().size())
        .param("message", outcome.message())
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
    template.batchUpdate(
        "insert into job_row_error (job_id, row_no, item, reason) values (?, ?, ?, ?)",
        outcome.errors(),
        1000,
        (ps, e) -> {
          ps.setLong(1, id);
          ps.setInt(2, e.row());
          ps.setString(3, truncate(e.item(), 300));
          ps.setString(4, truncate(e.reason(), 500));
        });
  }

  /** Notes that the given RUNNING jobs are still being worked on. */
  void beat(java.util.Collection<Long> ids, Instant now) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("update job set heartbeat_at = :now where id in (:ids) and status = 'RUNNING'")
        .param("now", Timestamp.from(now))
        .param("ids", ids)
        .update();
  }

  /**
   * Marks FAILED every job still RUNNING whose heartbeat is older than {@code before} (no instance
   * works on it any more) or, when {@code owner} is given, that this owner started (before a
   * restart: it runs nothing yet); returns how many.
   */
  int failCutOff(String message, Instant before, String owner, Instant now) {
    return jdbc.sql(
            "update job set status = 'FAILED', message = :message, finished_at = :now"
                + " where status = 'RUNNING' and (heartbeat_at is null or heartbeat_at < :before"
                + " or owner = :owner)")
        .param("message", message)
        .param("before", Timestamp.from(before))
        .param("owner", owner, java.sql.Types.VARCHAR)
        .param("now", Timestamp.from(now))
        .update();
  }

  Optional<Job> find(long id) {
    return jdbc.sql("select * from job where id = :id")
        .param("id", id)
        .query(JdbcJobRepository::map)
        .optional();
  }

  List<Job> recent(int limit) {
    return jdbc.sql("select * from job order by id desc limit :limit")
        .param("limit", limit)
        .query(JdbcJobRepository::map)
        .list();
  }

  List<RowError> errors(long id) {
    return jdbc.sql(
            "select row_no, item, reason from job_row_error where job_id = :id order by row_no, id")
        .param("id", id)
        .query((rs, n) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static Job map(ResultSet rs, int row) throws SQLException {
    Timestamp finished = rs.getTimestamp("finished_at");
    return new Job(
        rs.getLong("id"),
        rs.getString("kind"),
        JobStatus.valueOf(rs.getString("status")),
        rs.getInt("total"),
        rs.getInt("processed"),
        rs.getInt("succeeded"),
        rs.getInt("failed"),
        rs.getString("message"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        finished == null ? null : finished.toInstant());
  }
}
