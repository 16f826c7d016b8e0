package io.tagbase.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores change requests; a template's per-value effect as JSON. */
@Repository
class JdbcChangeRequests {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<ChangeRequest.ValueEffect>> EFFECT =
      new TypeReference<>() {};
  private static final String COLUMNS =
      "select id, tag_code, change_kind, program, current_text, proposed, members_now,"
          + " members_then, entering, leaving, effect_json, base_version, status, requested_by,"
          + " requested_at, decided_by, decided_at, note from tag_change_request";

  private final JdbcClient jdbc;

  JdbcChangeRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(ChangeRequest r) {
    jdbc.sql(
            "insert into tag_change_request (tag_code, change_kind, program, current_text,"
                + " proposed, members_now, members_then, entering, leaving, effect_json,"
                + " base_version, status, requested_by, requested_at) values (:tag, :kind,"
                + " :program, :current, :proposed, :now, :then, :entering, :leaving, :effect,"
                + " :base, 'PENDING', :by, :at)")
        .param("tag", r.tagCode())
        .param("kind", r.kind())
        .param("program", r.program(), Types.VARCHAR)
        .param("current", r.current(), Types.VARCHAR)
        .param("proposed", r.proposed())
        .param("now", r.membersNow())
        .param("then", r.membersThen())
        .param("entering", r.entering())
        .param("leaving", r.leaving())
        .param(
            "effect",
            r.effect().isEmpty() ? null : JSON.writeValueAsString(r.effect()),
            Types.VARCHAR)
        .param("base", r.baseVersion(), Types.INTEGER)
        .param("by", r.requestedBy())
        .param("at", Timestamp.from(r.requestedAt()))
        .update();
    return jdbc.sql(
            "select max(id) from tag_change_request where tag_code = :tag and requested_by = :by")
        .param("tag", r.tagCode())
        .param("by", r.requestedBy())
        .query(Long.class)
        .single();
  }

  Optional<ChangeRequest> find(long id) {
    return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(this::row).optional();
  }

  /** Requests with this status (all when null), newest first. */
  List<ChangeRequest> list(String status, int limit) {
    return jdbc.sql(
            COLUMNS
                + (status == null ? "" : " where status = :status")
                + " order by id desc fetch first :limit rows only")
        .params(status == null ? Map.of("limit", limit) : Map.of("status", status, "limit", limit))
        .query(this::row)
        .list();
  }

  /** The tag's pending requests, oldest first. */
  List<ChangeRequest> pending(String tagCode) {
    return jdbc.sql(COLUMNS + " where tag_code = :tag and status = 'PENDING' order by id")
        .param("tag", tagCode)
        .query(this::row)
        .list();
  }

  /** Decides a pending request; false when it was decided already. */
  boolean decide(long id, String status, String by, String note, Instant at) {
    return jdbc.sql(
                "update tag_change_request set status = :status, decided_by = :by, decided_at ="
                    + " :at, note = :note where id = :id and status = 'PENDING'")
            .param("status", status)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("note", note, Types.VARCHAR)
            .param("id", id)
            .update()
        == 1;
  }

  private ChangeRequest row(ResultSet rs, int n) throws SQLException {
    String effect = rs.getString("effect_json");
    Timestamp decided = rs.getTimestamp("decided_at");
    int base = rs.getInt("base_version");
    Integer baseVersion = rs.wasNull() ? null : base;
    return new ChangeRequest(
        rs.getLong("id"),
        rs.getString("tag_code"),
        rs.getString("change_kind"),
        rs.getString("program"),
        rs.getString("current_text"),
        rs.getString("proposed"),
        rs.getLong("members_now"),
        rs.getLong("members_then"),
        rs.getLong("entering"),
        rs.getLong("leaving"),
        effect == null ? List.of() : JSON.readValue(effect, EFFECT),
        baseVersion,
        rs.getString("status"),
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getString("decided_by"),
        decided == null ? null : decided.toInstant(),
        rs.getString("note"));
  }
}
