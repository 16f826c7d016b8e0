/**
 * Automations: when a customer enters or leaves a tag, a tag value or a dynamic segment, does an
 * event, or is in a segment at a scheduled time, act exactly once per customer and transition.
 *
 * <p>Design: the transition is recorded in the outbox in the same transaction as the membership
 * change (a GATE row with a unique idempotency key). The {@link io.tagbase.automation.OutboxWorker}
 * claims due rows with a lease; a gate is checked against the conditions at that time (rule,
 * consent, frequency cap, quiet hours) and, when it passes, adds one row per action in the same
 * transaction. Local actions (task, coupon, tag, notification) are applied in the transaction that
 * marks their row done; webhooks are sent with the idempotency key so the receiver can drop a
 * repeat, retried with exponential backoff and dead-lettered after their last attempt. Every step
 * is written to the run log.
 */
package io.tagbase.automation;
