package io.tagbase.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox and the run log. Rows are claimed with a lease (owner and time) by a conditional
 * update, so two workers never hold one row and a crashed worker's rows come back when the lease
 * runs out; every state change checks the lease owner.
 */
@Repository
class JdbcOutboxRepository {
  private static final String COLUMNS =
      "o.id, o.idem_key, o.automation_id, a.code, o.customer_id, c.external_id, o.transition_key,"
          + " o.transition, o.action_index, o.kind, o.status, o.attempts, o.next_attempt_at,"
          + " o.last_error, o.created_at, o.done_at";
  private static final String FROM =
      " from automation_outbox o join automation a on a.id = o.automation_id"
          + " join customer c on c.id = o.customer_id";

  private final JdbcClient jdbc;

  JdbcOutboxRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds the row unless its idempotency key is there already; true when added. The caller's
   * transaction decides whether it stays.
   */
  boolean insert(
      String idemKey,
      long automationId,
      long customerId,
      String transitionKey,
      String transition,
      Integer actionIndex,
      String kind,
      Instant due,
      Instant now) {
    return jdbc.sql(
                "insert into automation_outbox (idem_key, automation_id, customer_id,"
                    + " transition_key, transition, action_index, kind, status, attempts,"
                    + " next_attempt_at, created_at) select :key, :a, :c, :tk, :t, :ai, :kind,"
                    + " 'PENDING', 0, :due, :now from (values (1)) v(x) where not exists"
                    + " (select 1 from automation_outbox where idem_key = :key)")
            .param("key", idemKey)
            .param("a", automationId)
            .param("c", customerId)
            .param("tk", transitionKey)
            .param("t", transition)
            .param("ai", actionIndex, Types.INTEGER)
            .param("kind", kind)
            .param("due", Timestamp.from(due))
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  /** Ids of rows due now and not leased, oldest first. */
  List<Long> due(Instant now, int limit) {
    return jdbc.sql(
            "select id from automation_outbox where status = 'PENDING' and next_attempt_at <= :now"
                + " and (lease_until is null or lease_until < :now) order by next_attempt_at, id"
                + " limit :limit")
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  boolean claim(long id, String owner, Instant now, Instant leaseUntil) {
    return jdbc.sql(
                "update automation_outbox set lease_owner = :owner, lease_until = :until"
                    + " where id = :id and status = 'PENDING' and next_attempt_at <= :now"
                    + " and (lease_until is null or lease_until < :now)")
            .param("owner", owner)
            .param("until", Timestamp.from(leaseUntil))
            .param("id", id)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  Optional<OutboxRow> get(long id) {
    return jdbc.sql("select " + COLUMNS + FROM + " where o.id = :id")
        .param("id", id)
        .query((rs, n) -> row(rs))
        .optional();
  }

  /**
   * Ends the row (DONE, SKIPPED or DEAD) if {@code owner} still holds its lease; false otherwise,
   * and then the caller must roll back whatever it applied.
   */
  boolean finish(long id, String owner, String status, int attempts, String error, Instant now) {
    return jdbc.sql(
                "update automation_outbox set status = :status, attempts = :attempts,"
                    + " last_error = :error, done_at = :now, lease_owner = null, lease_until = null"
                    + " where id = :id and status = 'PENDING' and lease_owner = :owner")
            .param("status", status)
            .param("attempts", attempts)
            .param("error", truncate(error), Types.VARCHAR)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .param("owner", owner)
            .update()
        == 1;
  }

  /** Gives the row back to be worked again at {@code next}: a retry or a postponement. */
  boolean later(long id, String owner, int attempts, String error, Instant next) {
    return jdbc.sql(
                "update automation_outbox set attempts = :attempts, last_error = :error,"
                    + " next_attempt_at = :next, lease_owner = null, lease_until = null"
                    + " where id = :id and status = 'PENDING' and lease_owner = :owner")
            .param("attempts", attempts)
            .param("error", truncate(error), Types.VARCHAR)
            .param("next", Timestamp.from(next))
            .param("id", id)
            .param("owner", owner)
            .update()
        == 1;
  }

  /** Puts a dead row back in the queue with its attempts reset; false unless it was DEAD. */
  boolean replay(long id, Instant now) {
    return jdbc.sql(
                "update automation_outbox set status = 'PENDING', attempts = 0, done_at = null,"
                    + " next_attempt_at = :now, lease_owner = null, lease_until = null"
                    + " where id = :id and status = 'DEAD'")
            .param("now", Timestamp.from(now))
            .param("id", id)
            .update()
        == 1;
  }

  /** Transitions of the automation that passed their gate for the customer since {@code since}. */
  int passedSince(long automationId, long customerId, Instant since) {
    return jdbc.sql(
            "select count(*) from automation_outbox where automation_id = :a and customer_id = :c"
                + " and kind = 'GATE' and status = 'DONE' and done_at >= :since")
        .param("a", automationId)
        .param("c", customerId)
        .param("since", Timestamp.from(since))
        .query(Integer.class)
        .single();
  }

  List<OutboxRow> byStatus(Long automationId, String status, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + FROM
                + " where o.status = :status"
                + (automationId == null ? "" : " and o.automation_id = :a")
                + " order by o.id desc limit :limit")
        .param("status", status)
        .param("a", automationId, Types.BIGINT)
        .param("limit", limit)
        .query((rs, n) -> row(rs))
        .list();
  }

  List<OutboxRow> ofTransition(long automationId, long customerId, String transitionKey) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + FROM
                + " where o.automation_id = :a and o.customer_id = :c and o.transition_key = :tk"
                + " order by o.id")
        .param("a", automationId)
        .param("c", customerId)
        .param("tk", transitionKey)
        .query((rs, n) -> row(rs))
        .list();
  }

  /** Rows by status for one automation: PENDING, DONE, SKIPPED, DEAD. */
  java.util.Map<String, Long> counts(long automationId) {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.sql(
            "select status, count(*) from automation_outbox where automation_id = :a and kind <>"
                + " 'GATE' group by status")
        .param("a", automationId)
        .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
        .list();
    return counts;
  }

  void log(
      long automationId,
      Long outboxId,
      long customerId,
      String transitionKey,
      Integer actionIndex,
      String outcome,
      String reason,
      Instant at) {
    jdbc.sql(
            "insert into automation_run (automation_id, outbox_id, customer_id, transition_key,"
                + " action_index, outcome, reason, at) values (:a, :o, :c, :tk, :ai, :outcome,"
                + " :reason, :at)")
        .param("a", automationId)
        .param("o", outboxId, Types.BIGINT)
        .param("c", customerId)
        .param("tk", transitionKey)
        .param("ai", actionIndex, Types.INTEGER)
        .param("outcome", outcome)
        .param("reason", truncate(reason), Types.VARCHAR)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** The run log, newest first; filtered by automation, customer and outcome when given. */
  List<AutomationRun> runs(Long automationId, Long customerId, String outcome, int limit) {
    return jdbc.sql(
            "select r.id, a.code, r.outbox_id, c.external_id, r.transition_key, r.action_index,"
                + " r.outcome, r.reason, r.at from automation_run r"
                + " join automation a on a.id = r.automation_id"
                + " left join customer c on c.id = r.customer_id where 1 = 1"
                + (automationId == null ? "" : " and r.automation_id = :a")
                + (customerId == null ? "" : " and r.customer_id = :c")
                + (outcome == null ? "" : " and r.outcome = :outcome")
                + " order by r.id desc limit :limit")
        .param("a", automationId, Types.BIGINT)
        .param("c", customerId, Types.BIGINT)
        .param("outcome", outcome, Types.VARCHAR)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new AutomationRun(
                    rs.getLong(1),
                    rs.getString(2),
                    (Long) rs.getObject(3, Long.class),
                    rs.getString(4),
                    rs.getString(5),
                    (Integer) rs.getObject(6, Integer.class),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getTimestamp(9).toInstant()))
        .list();
  }

  private static OutboxRow row(ResultSet rs) throws SQLException {
    Timestamp done = rs.getTimestamp(16);
    return new OutboxRow(
        rs.getLong(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        (Integer) rs.getObject(9, Integer.class),
        rs.getString(10),
        rs.getString(11),
        rs.getInt(12),
        rs.getTimestamp(13).toInstant(),
        rs.getString(14),
        rs.getTimestamp(15).toInstant(),
        done == null ? null : done.toInstant());
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
  }
}
