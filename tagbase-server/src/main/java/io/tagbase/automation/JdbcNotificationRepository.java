package io.tagbase.automation;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNotificationRepository {
  private final JdbcClient jdbc;

  JdbcNotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      String idemKey,
      Long automationId,
      Long customerId,
      String username,
      String message,
      Instant now) {
    jdbc.sql(
            "insert into console_notification (idem_key, automation_id, customer_id, username,"
                + " message, created_at) values (:k, :a, :c, :u, :m, :now)")
        .param("k", idemKey, Types.VARCHAR)
        .param("a", automationId, Types.BIGINT)
        .param("c", customerId, Types.BIGINT)
        .param("u", username, Types.VARCHAR)
        .param("m", message)
        .param("now", Timestamp.from(now))
        .update();
  }

  /** The user's notifications and those to everyone, newest first. */
  List<Notification> of(String username, int limit) {
    return jdbc.sql(
            "select n.id, a.code, c.external_id, n.username, n.message, n.created_at, n.read_at"
                + " from console_notification n left join automation a on a.id = n.automation_id"
                + " left join customer c on c.id = n.customer_id"
                + " where n.username = :u or n.username is null order by n.id desc limit :limit")
        .param("u", username)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Notification(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant(),
                    rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
        .list();
  }

  int unread(String username) {
    return jdbc.sql(
            "select count(*) from console_notification where (username = :u or username is null)"
                + " and read_at is null")
        .param("u", username)
        .query(Integer.class)
        .single();
  }

  /** Marks the user's own notifications read (one to everyone stays unread for the others). */
  void markRead(String username, Instant now) {
    jdbc.sql(
            "update console_notification set read_at = :now where username = :u and read_at is"
                + " null")
        .param("now", Timestamp.from(now))
        .param("u", username)
        .update();
  }
}
