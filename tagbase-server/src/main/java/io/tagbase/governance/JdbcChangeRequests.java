package io.tagbase.governance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores change requests. */
@Repository
class JdbcChangeRequests {
  private static final String COLUMNS =
      "select id, tag_code, current_text as current, proposed, members_now, members_then,"
          + " entering, leaving, status, requested_by, requested_at, decided_by, decided_at, note"
          + " from tag_change_request";

  private final JdbcClient jdbc;

  JdbcChangeRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(ChangeRequest r) {
    jdbc.sql(
            "insert into tag_change_request (tag_code, current_text, proposed, members_now,"
                + " members_then, entering, leaving, status, requested_by, requested_at) values"
                + " (:tag, :current, :proposed, :now, :then, :entering, :leaving, 'PENDING',"
                + " :by, :at)")
        .param("tag", r.tagCode())
        .param("current", r.current(), java.sql.Types.VARCHAR)
        .param("proposed", r.proposed())
        .param("now", r.membersNow())
        .param("then", r.membersThen())
        .param("entering", r.entering())
        .param("leaving", r.leaving())
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
    return jdbc.sql(COLUMNS + " where id = :id")
        .param("id", id)
        .query(ChangeRequest.class)
        .optional();
  }

  /** Requests with this status (all when null), newest first. */
  List<ChangeRequest> list(String status, int limit) {
    return jdbc.sql(
            COLUMNS
                + (status == null ? "" : " where status = :status")
                + " order by id desc fetch first :limit rows only")
        .params(
            status == null
                ? java.util.Map.of("limit", limit)
                : java.util.Map.of("status", status, "limit", limit))
        .query(ChangeRequest.class)
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
            .param("note", note, java.sql.Types.VARCHAR)
            .param("id", id)
            .update()
        == 1;
  }
}
