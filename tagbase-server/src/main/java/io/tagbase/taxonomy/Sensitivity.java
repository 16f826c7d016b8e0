package io.tagbase.taxonomy;

/** How carefully a tag must be shown: sensitive tags are hidden from roles without permission. */
public enum Sensitivity {
  NORMAL,
  SENSITIVE,
  RESTRICTED
}
