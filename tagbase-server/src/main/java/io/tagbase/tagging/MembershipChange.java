package io.tagbase.tagging;

import java.time.Instant;

/**
 * One entry of the membership history: a customer entered or left a tag (or a layered tag's value),
 * when, through what and why.
 */
public record MembershipChange(
    String customerExternalId,
    String tagCode,
    String value,
    Action action,
    AssignmentSource source,
    String actor,
    String reason,
    Instant at) {

  public enum Action {
    ENTER,
    LEAVE
  }
}
