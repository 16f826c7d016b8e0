package io.tagbase.ingest;

import io.tagbase.privacy.PersonalData;
import java.math.BigDecimal;
import java.util.Map;

/**
 * An event sent to {@code POST /api/v1/events}. The customer is named by {@code customerId} (the
 * external id) or by identifiers; {@code timestamp} is ISO-8601 (lenient) or epoch milliseconds,
 * and defaults to the time of receipt.
 */
public record EventRequest(
    String type,
    String customerId,
    String userId,
    String anonymousId,
    @PersonalData String phone,
    @PersonalData String email,
    Object timestamp,
    Map<String, Object> properties,
    String messageId,
    String orderId,
    BigDecimal amount) {}
