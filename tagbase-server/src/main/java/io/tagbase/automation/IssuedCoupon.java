package io.tagbase.automation;

import java.time.Instant;

/** A coupon code given to a customer. */
public record IssuedCoupon(String batch, String code, String customer, Instant issuedAt) {}
