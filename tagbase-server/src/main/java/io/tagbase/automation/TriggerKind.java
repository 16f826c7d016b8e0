package io.tagbase.automation;

/** What starts an automation for a customer. */
public enum TriggerKind {
  /** The customer gets a tag, or a layered tag's value when the trigger names one. */
  TAG_ENTER,
  /** The customer loses a tag, or a layered tag's value when the trigger names one. */
  TAG_LEAVE,
  /** The customer enters a saved dynamic segment at a re-evaluation. */
  SEGMENT_ENTER,
  /** The customer leaves a saved dynamic segment at a re-evaluation. */
  SEGMENT_LEAVE,
  /** The customer does an event of a type; the trigger's condition is checked at action time. */
  EVENT,
  /** Every member of a segment, once a day at a time of day. */
  SCHEDULE
}
