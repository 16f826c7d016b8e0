package io.tagbase.taxonomy;

import java.util.EnumSet;
import java.util.Set;

/**
 * A tag's lifecycle: draft -> active -> deprecated -> archived, and back from deprecated to active.
 * Archived tags cannot be assigned and are final.
 */
public enum TagStatus {
  DRAFT,
  ACTIVE,
  DEPRECATED,
  ARCHIVED;

  public boolean assignable() {
    return this != ARCHIVED;
  }

  /** The statuses a tag in this status may move to, in lifecycle order; empty for ARCHIVED. */
  public Set<TagStatus> next() {
    switch (this) {
      case DRAFT:
        return EnumSet.of(ACTIVE);
      case ACTIVE:
        return EnumSet.of(DEPRECATED);
      case DEPRECATED:
        return EnumSet.of(ACTIVE, ARCHIVED);
      default:
        return EnumSet.noneOf(TagStatus.class);
    }
  }

  public boolean canMoveTo(TagStatus target) {
    return next().contains(target);
  }
}
