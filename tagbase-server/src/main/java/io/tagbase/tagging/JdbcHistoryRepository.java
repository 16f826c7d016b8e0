package io.tagbase.tagging;

import io.tagbase.tagging.MembershipChange.Action;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The membership history: append-only rows of enters and leaves. Rows are appended in time order,
 * so a larger id is never earlier; "state on date D" reads the last row per customer up to D.
 */
@Repository
class JdbcHistoryRepository {
  private static final String COLUMNS =
      "c.external_id, t.code, h.value_code, h.action, h.source, h.actor, h.reason, h.at";
  private static final String FROM =
      " from tag_history h join customer c on c.id = h.customer_id join tag t on t.id = h.tag_id";

  private final JdbcClient jdbc;

  JdbcHistoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void append(
      long customerId,
      long tagId,
      String value,
      Action action,
      AssignmentSource source,
      String actor,
      String reason,
      Instant at) {
    jdbc.sql(
            "insert into tag_history (customer_id, tag_id, value_code, action, source, actor,"
                + " reason, at) values (:customer, :tag, :value, :action, :source, :actor,"
                + " :reason, :at)")
        .param("customer", customerId)
        .param("tag", tagId)
        .param("value", value, Types.VARCHAR)
        .param("action", action.name())
        .param("source", source.name())
        .param("actor", actor)
        .param("reason", reason, Types.VARCHAR)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** A customer's history, newest first. */
  List<MembershipChange> ofCustomer(long customerId, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + FROM
                + " where h.customer_id = :customer"
                + " order by h.id desc limit :limit")
        .param("customer", customerId)
        .param("limit", limit)
        .query(JdbcHistoryRepository::map)
        .list();
  }

  /** A tag's history, newest first. */
  List<MembershipChange> ofTag(long tagId, int limit) {
    return jdbc.sql(
            "select " + COLUMNS + FROM + " where h.tag_id = :tag order by h.id desc limit :limit")
        .param("tag", tagId)
        .param("limit", limit)
        .query(JdbcHistoryRepository::map)
        .list();
  }

  /**
   * External ids of the customers who held the tag (with {@code value}, when given) at the instant
   * {@code at}: those whose last history row for the tag up to then is an ENTER.
   */
  List<String> holdersAt(long tagId, String value, Instant at) {
    return jdbc.sql(
            "select c.external_id from tag_history h join customer c on c.id = h.customer_id"
                + " where h.id in (select max(id) from tag_history where tag_id = :tag"
                + " and at <= :at"
                + (value == null ? "" : " and value_code = :value")
                + " group by customer_id) and h.action = 'ENTER' order by c.external_id")
        .param("tag", tagId)
        .param("at", Timestamp.from(at))
        .param("value", value, Types.VARCHAR)
        .query(String.class)
        .list();
  }

  private static MembershipChange map(ResultSet rs, int row) throws SQLException {
    return new MembershipChange(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Action.valueOf(rs.getString(4)),
        AssignmentSource.valueOf(rs.getString(5)),
        rs.getString(6),
        rs.getString(7),
        rs.getTimestamp(8).toInstant());
  }
}
