package io.tagbase.tagging;

import io.tagbase.engine.TagBitmap;
import java.util.List;

/**
 * A condition evaluated against what an index key holds now: the new members (to install with
 * {@link MembershipIndex#replace} once the change is stored) and who would enter and leave.
 */
public record MembershipDiff(TagBitmap members, List<String> entered, List<String> left) {
  public long size() {
    return members.cardinality();
  }
}
