package io.tagbase.segment;

import java.util.List;
import java.util.Map;

/**
 * What a segment looks like: every tag and tag value inside it against the whole population, with
 * TGI (share in the segment / share overall x 100; 100 = as common as anywhere), and the most
 * common values of a few profile fields.
 */
public record SegmentInsight(
    long size, long population, List<TagShare> tags, Map<String, List<ValueCount>> topValues) {

  /** One tag (or tag value) inside the segment versus overall. */
  public record TagShare(
      String tagCode,
      String value,
      String nameZh,
      String nameEn,
      long inSegment,
      long overall,
      double segmentShare,
      double overallShare,
      Double tgi) {}
}
