package io.tagbase.engine;

import java.util.Arrays;

/**
 * One page of a segment: {@code total} members in all, and {@code ids} (ascending customer ids) for
 * the requested window. Equality compares the ids by content. The array is not copied: treat it as
 * read-only.
 */
public record SegmentPage(long total, int[] ids) {

  @Override
  public boolean equals(Object o) {
    return o instanceof SegmentPage other && total == other.total && Arrays.equals(ids, other.ids);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(total) + Arrays.hashCode(ids);
  }

  @Override
  public String toString() {
    return "SegmentPage[total=" + total + ", ids=" + Arrays.toString(ids) + "]";
  }
}
