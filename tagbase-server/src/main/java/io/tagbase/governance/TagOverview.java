package io.tagbase.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Governance facts about one tag, for its page and its API: the quality score (null for an archived
 * tag), its findings with details in the reader's language, the last day it was viewed and used
 * (null when never), the change requests waiting for it, and how many rules, templates, segments
 * and automations use it.
 */
public record TagOverview(
    String tag,
    TagQuality quality,
    List<Finding> findings,
    LocalDate lastViewed,
    LocalDate lastUsed,
    LocalDate trackedFrom,
    List<Pending> pending,
    int usedBy) {

  /** A change request for the tag that waits for an approver. */
  public record Pending(long id, String kind, String requestedBy, Instant requestedAt) {}
}
