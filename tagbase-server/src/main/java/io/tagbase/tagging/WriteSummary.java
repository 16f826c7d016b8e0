package io.tagbase.tagging;

/**
 * What a write of assignments did: customers who entered the tag, who moved to another value, who
 * were already there (provenance and expiry refreshed), who left, and who did not hold it.
 */
public record WriteSummary(int added, int changed, int unchanged, int removed, int notHeld) {
  WriteSummary plus(WriteSummary o) {
    return new WriteSummary(
        added + o.added,
        changed + o.changed,
        unchanged + o.unchanged,
        removed + o.removed,
        notHeld + o.notHeld);
  }
}
