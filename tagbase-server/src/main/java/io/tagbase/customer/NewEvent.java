package io.tagbase.customer;

import java.math.BigDecimal;
import java.time.Instant;

/** An event to record for a stored customer. */
public record NewEvent(
    long customerId,
    String type,
    Instant occurredAt,
    String orderId,
    BigDecimal amount,
    String properties) {}
