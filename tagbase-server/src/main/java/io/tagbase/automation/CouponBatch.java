package io.tagbase.automation;

import java.time.Instant;

/** A batch of coupon codes: how many there are and how many are issued. */
public record CouponBatch(
    long id,
    String code,
    String name,
    long total,
    long issued,
    String createdBy,
    Instant createdAt) {

  public long available() {
    return total - issued;
  }
}
