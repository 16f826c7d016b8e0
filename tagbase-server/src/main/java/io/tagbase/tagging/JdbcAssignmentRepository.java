package io.tagbase.tagging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current assignments: one row per customer and tag, with value, provenance and expiry. */
@Repository
class JdbcAssignmentRepository {
  record Expired(long customerId, String externalId, long tagId, String tagCode, String value) {}

  interface AssignmentRow {
    void accept(String externalId, String tagCode, String value);
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  JdbcAssignmentRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  List<CustomerTag> tagsOf(long customerId) {
    return jdbc.sql(
            "select t.code, t.name_zh, t.name_en, a.value_code, a.source, a.actor, a.assigned_at,"
                + " a.expires_at from tag_assignment a join tag t on t.id = a.tag_id"
                + " where a.customer_id = :customer order by t.code")
        .param("customer", customerId)
        .query(
            (rs, n) ->
                new CustomerTag(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    AssignmentSource.valueOf(rs.getString(5)),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant(),
                    instant(rs.getTimestamp(8))))
        .list();
  }

  /** Up to {@code limit} assignments whose expiry is at or before {@code now}, oldest first. */
  List<Expired> expired(Instant now, int limit) {
    return jdbc.sql(
            "select a.customer_id, c.external_id, a.tag_id, t.code, a.value_code"
                + " from tag_assignment a join customer c on c.id = a.customer_id"
                + " join tag t on t.id = a.tag_id where a.expires_at <= :now"
                + " order by a.expires_at limit :limit")
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Expired(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  /** Streams every (customer external id, tag code, value) triple, ordered by customer. */
  void forEachAssignment(AssignmentRow action) {
    template.query(
        "select c.external_id, t.code, a.value_code from tag_assignment a"
            + " join customer c on c.id = a.customer_id join tag t on t.id = a.tag_id"
            + " order by a.customer_id",
        (RowCallbackHandler)
            rs -> action.accept(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  /** The codes of every tag in the library (archived ones too). */
  List<String> tagCodes() {
    return jdbc.sql("select code from tag").query(String.class).list();
  }

  static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
