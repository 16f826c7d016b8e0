package io.tagbase.segment;

/**
 * Segments' members live in the membership index beside the tags, under "@" and the segment code,
 * so a condition can use another segment, and "which tags and segments does customer X have" is one
 * index read. Tag codes never start with "@".
 */
public final class SegmentKeys {
  public static final String PREFIX = "@";

  private SegmentKeys() {}

  public static String of(String segmentCode) {
    return PREFIX + segmentCode;
  }
}
