package io.tagbase.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consent rows and their history. Reads customer ids itself so privacy needs no customer API. */
@Repository
class JdbcConsentRepository {
  private final JdbcClient jdbc;

  JdbcConsentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Long> customerId(String externalId) {
    return jdbc.sql("select id from customer where external_id = :id")
        .param("id", externalId)
        .query(Long.class)
        .optional();
  }

  List<Consent> current(long customerId) {
    return jdbc.sql(
            "select purpose, status, source, actor, changed_at from customer_consent"
                + " where customer_id = :c order by purpose")
        .param("c", customerId)
        .query((rs, n) -> consent(rs))
        .list();
  }

  List<Consent> history(long customerId, int limit) {
    return jdbc.sql(
            "select purpose, status, source, actor, changed_at from customer_consent_history"
                + " where customer_id = :c order by id desc limit :limit")
        .param("c", customerId)
        .param("limit", limit)
        .query((rs, n) -> consent(rs))
        .list();
  }

  Optional<ConsentStatus> status(long customerId, String purpose) {
    return jdbc.sql("select status from customer_consent where customer_id = :c and purpose = :p")
        .param("c", customerId)
        .param("p", purpose)
        .query(String.class)
        .optional()
        .map(ConsentStatus::valueOf);
  }

  /** Of the given customers, those who refused {@code purpose}. */
  java.util.Set<Long> refused(java.util.Collection<Long> customerIds, String purpose) {
    java.util.Set<Long> refused = new java.util.HashSet<>();
    if (customerIds.isEmpty()) {
      return refused;
    }
    jdbc.sql(
            "select customer_id from customer_consent where purpose = :p and status = 'REFUSED'"
                + " and customer_id in (:ids)")
        .param("p", purpose)
        .param("ids", customerIds)
        .query((rs, n) -> refused.add(rs.getLong(1)))
        .list();
    return refused;
  }

  /** Sets the current row (insert or update) and appends the history row. */
  void set(long customerId, Consent consent) {
    Timestamp at = Timestamp.from(consent.changedAt());
    int updated =
        jdbc.sql(
                "update customer_consent set status = :s, source = :src, actor = :a,"
                    + " changed_at = :at where customer_id = :c and purpose = :p")
            .param("s", consent.status().name())
            .param("src", consent.source())
            .param("a", consent.actor())
            .param("at", at)
            .param("c", customerId)
            .param("p", consent.purpose())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into customer_consent (customer_id, purpose, status, source, actor,"
                  + " changed_at) values (:c, :p, :s, :src, :a, :at)")
          .param("c", customerId)
          .param("p", consent.purpose())
          .param("s", consent.status().name())
          .param("src", consent.source())
          .param("a", consent.actor())
          .param("at", at)
          .update();
    }
    jdbc.sql(
            "insert into customer_consent_history (customer_id, purpose, status, source, actor,"
                + " changed_at) values (:c, :p, :s, :src, :a, :at)")
        .param("c", customerId)
        .param("p", consent.purpose())
        .param("s", consent.status().name())
        .param("src", consent.source())
        .param("a", consent.actor())
        .param("at", at)
        .update();
  }

  private static Consent consent(ResultSet rs) throws SQLException {
    Instant at = rs.getTimestamp(5).toInstant();
    return new Consent(
        rs.getString(1),
        ConsentStatus.valueOf(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        at);
  }
}
