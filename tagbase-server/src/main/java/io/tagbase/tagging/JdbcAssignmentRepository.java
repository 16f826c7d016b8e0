package io.tagbase.tagging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAssignmentRepository {
  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  JdbcAssignmentRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Inserts the assignment unless it exists; true when a row was added. */
  boolean insert(long customerId, long tagId, AssignmentSource source, String actor, Instant now) {
    int added =
        jdbc.sql(
                "insert into tag_assignment (customer_id, tag_id, source, actor, assigned_at)"
                    + " select :customer, :tag, :source, :actor, :now where not exists (select 1"
                    + " from tag_assignment where customer_id = :customer and tag_id = :tag)")
            .param("customer", customerId)
            .param("tag", tagId)
            .param("source", source.name())
            .param("actor", actor)
            .param("now", Timestamp.from(now))
            .update();
    return added == 1;
  }

  /**
   * Inserts many new assignments by (customer external id, tag id); the caller avoids duplicates.
   */
  void insertAll(List<Assignment> batch, AssignmentSource source, String actor, Instant now) {
    Timestamp ts = Timestamp.from(now);
    template.batchUpdate(
        "insert into tag_assignment (customer_id, tag_id, source, actor, assigned_at)"
            + " select c.id, t.id, ?, ?, ? from customer c, tag t"
            + " where c.external_id = ? and t.code = ?",
        batch,
        1000,
        (ps, a) -> {
          ps.setString(1, source.name());
          ps.setString(2, actor);
          ps.setTimestamp(3, ts);
          ps.setString(4, a.customerExternalId());
          ps.setString(5, a.tagCode());
        });
  }

  boolean delete(long customerId, long tagId) {
    return jdbc.sql("delete from tag_assignment where customer_id = :customer and tag_id = :tag")
            .param("customer", customerId)
            .param("tag", tagId)
            .update()
        == 1;
  }

  List<CustomerTag> tagsOf(long customerId) {
    return jdbc.sql(
            "select t.code, t.name_zh, t.name_en, a.source, a.actor, a.assigned_at"
                + " from tag_assignment a join tag t on t.id = a.tag_id"
                + " where a.customer_id = :customer order by t.code")
        .param("customer", customerId)
        .query(
            (rs, n) ->
                new CustomerTag(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    AssignmentSource.valueOf(rs.getString(4)),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()))
        .list();
  }

  /** Streams every (customer external id, tag code) pair, ordered by customer. */
  void forEachAssignment(BiConsumer<String, String> action) {
    template.query(
        "select c.external_id, t.code from tag_assignment a"
            + " join customer c on c.id = a.customer_id join tag t on t.id = a.tag_id"
            + " order by a.customer_id",
        (RowCallbackHandler) rs -> action.accept(rs.getString(1), rs.getString(2)));
  }
}
