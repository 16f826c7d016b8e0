package io.tagbase.automation;

/** What an automation does for a customer. */
public enum ActionKind {
  WEBHOOK,
  TASK,
  TAG_ADD,
  TAG_REMOVE,
  COUPON,
  NOTIFY;

  /** Applied inside the database transaction that marks the outbox row done. */
  boolean local() {
    return this != WEBHOOK;
  }
}
