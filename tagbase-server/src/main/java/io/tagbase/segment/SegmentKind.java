package io.tagbase.segment;

/** DYNAMIC segments are re-evaluated and track who enters and leaves; STATIC ones stay as taken. */
public enum SegmentKind {
  DYNAMIC,
  STATIC
}
