package io.tagbase.ingest;

import io.tagbase.customer.Identity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An event as it arrives, before its customer is resolved.
 *
 * @param externalId the customer's external id, if the sender knows it
 * @param identities identifiers the customer is known by (user id, anonymous id, phone...)
 * @param properties the event's properties as a JSON object text, or null
 * @param messageId unique per event; a repeat is skipped. Null for none.
 */
public record IncomingEvent(
    String externalId,
    List<Identity> identities,
    String type,
    Instant occurredAt,
    String properties,
    String messageId,
    String orderId,
    BigDecimal amount,
    String source) {}
