package io.tagbase.taxonomy;

/** A tag's lifecycle: draft, active, deprecated, archived. Archived tags cannot be assigned. */
public enum TagStatus {
  DRAFT,
  ACTIVE,
  DEPRECATED,
  ARCHIVED;

  public boolean assignable() {
    return this != ARCHIVED;
  }
}
