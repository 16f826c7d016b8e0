package io.tagbase.engine;

import java.util.Map;
import java.util.Set;

/** The brute-force references' view of erasures and merges, independent of {@link ActivityDays}. */
final class ReferenceMerges {
  private ReferenceMerges() {}

  /**
   * Where events of {@code id} belong now: itself, the profile it was merged into, or -1 (erased).
   */
  static int resolve(int id, Set<Integer> forgotten, Map<Integer, Integer> movedTo) {
    while (true) {
      if (forgotten.contains(id)) {
        return -1;
      }
      Integer next = movedTo.get(id);
      if (next == null) {
        return id;
      }
      id = next;
    }
  }
}
