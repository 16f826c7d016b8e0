package io.tagbase.taxonomy;

/** The naming pattern shared by tag and category codes. */
public final class TagCodes {
  /** Lower-case letter first, then letters, digits or underscores; 2 to 64 characters. */
  public static final String PATTERN = "[a-z][a-z0-9_]{1,63}";

  private TagCodes() {}
}
