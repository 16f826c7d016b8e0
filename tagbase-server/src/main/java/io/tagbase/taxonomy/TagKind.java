package io.tagbase.taxonomy;

/** Where a tag's members come from. */
public enum TagKind {
  MANUAL,
  IMPORTED,
  RULE,
  STATISTICAL,
  MODEL
}
