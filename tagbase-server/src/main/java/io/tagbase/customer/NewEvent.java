package io.tagbase.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An event to record for a stored customer.
 *
 * @param messageId an id unique per event; an event whose id is already stored is skipped, so
 *     re-sending is harmless. Null for none.
 * @param source where it came from: api, segment, import, demo
 */
public record NewEvent(
    long customerId,
    String type,
    Instant occurredAt,
    String orderId,
    BigDecimal amount,
    String properties,
    String messageId,
    String source) {

  public NewEvent(
      long customerId,
      String type,
      Instant occurredAt,
      String orderId,
      BigDecimal amount,
      String properties) {
    this(customerId, type, occurredAt, orderId, amount, properties, null, null);
  }
}
