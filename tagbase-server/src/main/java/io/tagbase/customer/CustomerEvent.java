package io.tagbase.customer;

import java.math.BigDecimal;
import java.time.Instant;

/** Something a customer did: a view, a cart addition, an order (with its id and amount). */
public record CustomerEvent(
    long id,
    long customerId,
    String type,
    Instant occurredAt,
    String orderId,
    BigDecimal amount,
    String properties) {}
