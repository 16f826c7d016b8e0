package io.tagbase.taxonomy;

/** How a tag's members are kept current: by hand, in real time after events, or on a schedule. */
public enum RefreshMode {
  MANUAL,
  REAL_TIME,
  SCHEDULED
}
