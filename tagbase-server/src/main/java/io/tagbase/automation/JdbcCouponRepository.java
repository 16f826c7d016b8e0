package io.tagbase.automation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Coupon batches and codes; a code is issued once, by a conditional update. */
@Repository
class JdbcCouponRepository {
  private static final String BATCH =
      "select b.id, b.code, b.name, (select count(*) from coupon_code k where k.batch_id = b.id),"
          + " (select count(*) from coupon_code k where k.batch_id = b.id and k.customer_id is not"
          + " null), b.created_by, b.created_at from coupon_batch b";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  JdbcCouponRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  List<CouponBatch> batches() {
    return jdbc.sql(BATCH + " order by b.code").query((rs, n) -> batch(rs)).list();
  }

  Optional<CouponBatch> batch(String code) {
    return jdbc.sql(BATCH + " where b.code = :c")
        .param("c", code)
        .query((rs, n) -> batch(rs))
        .optional();
  }

  long createBatch(String code, String name, String actor, Instant now) {
    jdbc.sql(
            "insert into coupon_batch (code, name, created_by, created_at) values (:c, :n, :a,"
                + " :now)")
        .param("c", code)
        .param("n", name)
        .param("a", actor)
        .param("now", Timestamp.from(now))
        .update();
    return batch(code).orElseThrow().id();
  }

  /** Codes of the batch already stored, among {@code codes}. */
  List<String> existing(long batchId, List<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select code from coupon_code where batch_id = :b and code in (:codes)")
        .param("b", batchId)
        .param("codes", codes)
        .query(String.class)
        .list();
  }

  void addCodes(long batchId, List<String> codes) {
    template.batchUpdate(
        "insert into coupon_code (batch_id, code) values (?, ?)",
        codes,
        1000,
        (ps, code) -> {
          ps.setLong(1, batchId);
          ps.setString(2, code);
        });
  }

  /** Issues the batch's oldest free code to the customer; empty when none is left. */
  Optional<String> issue(long batchId, long customerId, String idemKey, Instant now) {
    for (int tries = 0; tries < 5; tries++) {
      Optional<Long> free =
          jdbc.sql(
                  "select id from coupon_code where batch_id = :b and customer_id is null"
                      + " order by id limit 1")
              .param("b", batchId)
              .query(Long.class)
              .optional();
      if (free.isEmpty()) {
        return Optional.empty();
      }
      int taken =
          jdbc.sql(
                  "update coupon_code set customer_id = :c, idem_key = :k, issued_at = :now"
                      + " where id = :id and customer_id is null")
              .param("c", customerId)
              .param("k", idemKey)
              .param("now", Timestamp.from(now))
              .param("id", free.get())
              .update();
      if (taken == 1) {
        return jdbc.sql("select code from coupon_code where id = :id")
            .param("id", free.get())
            .query(String.class)
            .optional();
      }
    }
    return Optional.empty();
  }

  List<IssuedCoupon> issued(long batchId, int limit) {
    return jdbc.sql(
            "select b.code, k.code, c.external_id, k.issued_at from coupon_code k"
                + " join coupon_batch b on b.id = k.batch_id join customer c on c.id ="
                + " k.customer_id where k.batch_id = :b order by k.issued_at desc, k.id desc"
                + " limit :limit")
        .param("b", batchId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new IssuedCoupon(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  private static CouponBatch batch(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new CouponBatch(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant());
  }
}
