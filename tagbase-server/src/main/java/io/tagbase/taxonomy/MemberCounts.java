package io.tagbase.taxonomy;

/**
 * How many customers hold a tag, for showing next to the taxonomy. Implemented by the tagging
 * feature's index, so the taxonomy does not depend on tagging.
 */
public interface MemberCounts {
  long count(String tagCode);

  /** Live customers in all. */
  int population();
}
