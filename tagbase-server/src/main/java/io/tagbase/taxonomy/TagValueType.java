package io.tagbase.taxonomy;

/**
 * A flag tag is held or not; a layered tag holds exactly one of its ordered values per customer.
 */
public enum TagValueType {
  FLAG,
  LAYERED
}
