package io.tagbase.tagging;

import java.time.Instant;
import java.util.List;

/**
 * Published synchronously inside the transaction of every tag write that changed memberships
 * (manual, bulk, rule, import, expiry), after its history rows are written: listeners that write to
 * the database (the automation outbox) commit or roll back with the change. {@code writeId} is new
 * for every write, so a transition is identified by the write, the customer and its direction.
 * Listeners must not call back into tagging for the same tag.
 */
public record TagMembershipChanged(
    String tagCode,
    String writeId,
    List<Transition> transitions,
    AssignmentSource source,
    String actor,
    String reason,
    Instant at) {

  /** One customer entering or leaving the tag (with {@code value}, for a layered tag). */
  public record Transition(long customerId, String value, boolean entered) {}
}
