package io.tagbase.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Identities, the profile history, and the moves a merge makes. */
@Repository
class JdbcIdentityRepository {
  private final JdbcClient jdbc;

  JdbcIdentityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Long> owner(Identity identity) {
    return jdbc.sql(
            "select customer_id from customer_identity where kind = :kind and id_value = :value")
        .param("kind", identity.kind().name())
        .param("value", identity.value())
        .query(Long.class)
        .optional();
  }

  void insert(long customerId, Identity identity, Instant now) {
    jdbc.sql(
            "insert into customer_identity (kind, id_value, customer_id, created_at)"
                + " values (:kind, :value, :customer, :now)")
        .param("kind", identity.kind().name())
        .param("value", identity.value())
        .param("customer", customerId)
        .param("now", Timestamp.from(now))
        .update();
  }

  List<Identity> of(long customerId) {
    return jdbc.sql(
            "select kind, id_value from customer_identity where customer_id = :customer"
                + " order by kind, id_value")
        .param("customer", customerId)
        .query((rs, n) -> new Identity(IdentityKind.valueOf(rs.getString(1)), rs.getString(2)))
        .list();
  }

  void appendHistory(long customerId, String kind, String detail, String actor, Instant now) {
    jdbc.sql(
            "insert into customer_history (customer_id, kind, detail, actor, at)"
                + " values (:customer, :kind, :detail, :actor, :now)")
        .param("customer", customerId)
        .param("kind", kind)
        .param("detail", detail)
        .param("actor", actor)
        .param("now", Timestamp.from(now))
        .update();
  }

  List<ProfileChange> history(long customerId, int limit) {
    return jdbc.sql(
            "select kind, detail, actor, at from customer_history where customer_id = :customer"
                + " order by id desc limit :limit")
        .param("customer", customerId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new ProfileChange(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** Moves identities, events and profile history from the merged customer to the kept one. */
  void moveAll(long keptId, long mergedId) {
    for (String table : List.of("customer_identity", "customer_event", "customer_history")) {
      jdbc.sql("update " + table + " set customer_id = :kept where customer_id = :merged")
          .param("kept", keptId)
          .param("merged", mergedId)
          .update();
    }
  }

  void deleteCustomer(long customerId) {
    jdbc.sql("delete from customer where id = :id").param("id", customerId).update();
  }
}
