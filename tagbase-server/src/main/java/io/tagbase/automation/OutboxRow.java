package io.tagbase.automation;

import java.time.Instant;

/**
 * One outbox row: a GATE (a customer's transition for an automation, checked against its
 * conditions) or an action. Status PENDING, DONE, SKIPPED or DEAD.
 */
public record OutboxRow(
    long id,
    String idemKey,
    long automationId,
    String automationCode,
    long customerId,
    String customer,
    String transitionKey,
    String transition,
    Integer actionIndex,
    String kind,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant doneAt) {

  static final String GATE = "GATE";

  boolean gate() {
    return GATE.equals(kind);
  }
}
