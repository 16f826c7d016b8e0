package io.tagbase.analytics;

import io.tagbase.segment.SegmentDefinition;
import io.tagbase.segment.SegmentInsight;
import io.tagbase.segment.SegmentInsights;
import io.tagbase.segment.SegmentLibrary;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A saved segment's figures: its TGI profile (from {@link SegmentInsights}, one AND-count per tag
 * and value) and its size per day from the snapshots.
 */
@Service
public class SegmentFigures {
  private final SegmentLibrary library;
  private final SegmentInsights insights;
  private final HistoryFigures history;

  SegmentFigures(SegmentLibrary library, SegmentInsights insights, HistoryFigures history) {
    this.library = library;
    this.insights = insights;
    this.history = history;
  }

  /**
   * Every tag and value: share inside the segment, share overall and TGI; ordered by TGI, highest
   * first (tags nobody holds last).
   */
  public Figure profile(String segmentCode, Locale locale) {
    SegmentDefinition segment = library.get(segmentCode);
    SegmentInsight insight = insights.insight(segment);
    Figure figure =
        Figure.of(
                "segment-profile",
                "key",
                "label",
                "inSegment",
                "overall",
                "segmentShare",
                "overallShare",
                "tgi")
            .fact("segment", segment.code())
            .fact("size", insight.size())
            .fact("population", insight.population());
    boolean en = "en".equals(locale.getLanguage());
    for (SegmentInsight.TagShare t : insight.tags()) {
      figure.row(
          t.value() == null ? t.tagCode() : t.tagCode() + "=" + t.value(),
          en ? t.nameEn() : t.nameZh(),
          t.inSegment(),
          t.overall(),
          Figure.share(t.inSegment(), insight.size()),
          Figure.share(t.overall(), insight.population()),
          t.tgi());
    }
    figure
        .rows()
        .sort(
            Comparator.comparingDouble(
                r -> r.get("tgi") == null ? Double.MAX_VALUE : -((Double) r.get("tgi"))));
    return figure;
  }

  /** The segment's size per snapshot day. */
  public Figure trend(String segmentCode, LocalDate from, LocalDate to, Locale locale) {
    SegmentDefinition segment = library.get(segmentCode);
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(segment.indexKey(), segment.name(locale));
    return history.trend(keys, from, to);
  }
}
