package io.tagbase.engine;

import java.util.List;

/**
 * How many live customers hold each of many keys, without building a bitmap per key: one AND-count
 * against the live set each (a key with no erased customer among its holders still costs one pass).
 * The same answers as {@link TagStatistics#coverage}; for figures over every tag at once (coverage
 * charts, the daily size snapshot), where materializing 200 intersections of 1.25 MB each at 10M
 * customers makes garbage-collection pauses that cost more than the counting.
 *
 * <p>Reads only: safe from several threads while nobody writes the index or dictionary.
 */
public final class TagCoverage {
  private final TagIndex index;
  private final CustomerDictionary dictionary;

  public TagCoverage(TagIndex index, CustomerDictionary dictionary) {
    this.index = index;
    this.dictionary = dictionary;
  }

  /** For each key, how many live customers hold it; 0 for an unknown key. */
  public long[] counts(List<String> keys) {
    TagBitmap live = dictionary.liveView();
    boolean everyoneLive = dictionary.size() == dictionary.capacity();
    long[] counts = new long[keys.size()];
    for (int i = 0; i < counts.length; i++) {
      TagBitmap bits = index.view(keys.get(i));
      // with no holes every id in the index is live: the kept count is the answer
      counts[i] = everyoneLive ? bits.cardinality() : bits.andCardinality(live);
    }
    return counts;
  }
}
