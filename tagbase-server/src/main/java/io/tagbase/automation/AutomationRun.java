package io.tagbase.automation;

import java.time.Instant;

/**
 * A run log line: outcome TRIGGERED, SKIPPED (with why), DEFERRED (quiet hours), DELIVERED, RETRIED
 * (with the error and when next), FAILED (dead-lettered) or REPLAYED.
 */
public record AutomationRun(
    long id,
    String automation,
    Long outboxId,
    String customer,
    String transitionKey,
    Integer actionIndex,
    String outcome,
    String reason,
    Instant at) {}
