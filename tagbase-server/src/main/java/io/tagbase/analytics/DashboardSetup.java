package io.tagbase.analytics;

/**
 * Which tags the dashboard reads. Any tag may be null when none suits (the chart then says so).
 *
 * @param tierTag a layered tag whose values are value tiers (RFM segments, member levels)
 * @param lifecycleTag a layered tag whose values are lifecycle stages
 * @param rfmRowTag a layered score tag drawn as the rows of the RFM grid (recency, say)
 * @param rfmColumnTag a layered score tag drawn as its columns (frequency, say)
 * @param conversionEvent the event type counted as a conversion, e.g. {@code order}
 */
public record DashboardSetup(
    String tierTag,
    String lifecycleTag,
    String rfmRowTag,
    String rfmColumnTag,
    String conversionEvent) {}
