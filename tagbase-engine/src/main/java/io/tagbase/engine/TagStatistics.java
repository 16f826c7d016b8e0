package io.tagbase.engine;

import java.util.List;

/**
 * The numbers tag analytics reads: how many live customers have each tag (coverage), how a segment
 * spreads over tags (distribution) and how tags overlap pairwise.
 *
 * <p>Counts are over live customers only. When the dictionary has no holes and a tag names no id
 * past {@link CustomerDictionary#capacity()}, its coverage is its cardinality (O(1)); otherwise it
 * costs one AND-count with the live set.
 *
 * <p>Cost: {@link #distribution} is one AND-count per tag. {@link #overlap} is one AND-count per
 * pair; dense tags are counted a block of words at a time so that each tag is read from memory
 * once, not once per pair.
 *
 * <p>Reads only: safe to call from several threads while nobody writes the index or dictionary.
 */
public final class TagStatistics {
  // 2,048 words (16 KiB) per tag per block: 20 tags stay inside a 512 KiB L2 cache
  private static final int BLOCK_WORDS = 2048;

  private final TagIndex index;
  private final CustomerDictionary dictionary;

  public TagStatistics(TagIndex index, CustomerDictionary dictionary) {
    this.index = index;
    this.dictionary = dictionary;
  }

  /** For each tag, how many live customers have it; 0 for an unknown tag. */
  public long[] coverage(List<String> tags) {
    long[] counts = new long[tags.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = liveOnly(index.view(tags.get(i))).cardinality();
    }
    return counts;
  }

  /**
   * For each tag, how many members of {@code segment} have it. {@code segment} must hold live ids
   * only, as {@link SegmentEvaluator#evaluate} returns; it is not modified.
   */
  public long[] distribution(TagBitmap segment, List<String> tags) {
    long[] counts = new long[tags.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = segment.andCardinality(index.view(tags.get(i)));
    }
    return counts;
  }

  /**
   * The symmetric matrix of how many live customers have both tag i and tag j; the diagonal is the
   * coverage.
   */
  public long[][] overlap(List<String> tags) {
    int n = tags.size();
    TagBitmap[] bits = new TagBitmap[n];
    for (int i = 0; i < n; i++) {
      bits[i] = liveOnly(index.view(tags.get(i)));
    }
    long[][] counts = new long[n][n];
    countDensePairs(bits, counts);
    for (int i = 0; i < n; i++) {
      counts[i][i] = bits[i].cardinality();
      for (int j = i + 1; j < n; j++) {
        if (!bits[i].isDense() || !bits[j].isDense()) {
          counts[i][j] = bits[i].andCardinality(bits[j]);
        }
        counts[j][i] = counts[i][j];
      }
    }
    return counts;
  }

  /** Fills counts[i][j], i < j, for every pair of dense bitmaps, reading each block once. */
  private static void countDensePairs(TagBitmap[] bits, long[][] counts) {
    int n = bits.length;
    long[][] words = new long[n][];
    int longest = 0;
    for (int i = 0; i < n; i++) {
      if (bits[i] instanceof DenseTagBitmap dense) {
        words[i] = dense.words();
        longest = Math.max(longest, words[i].length);
      }
    }
    for (int from = 0; from < longest; from += BLOCK_WORDS) {
      for (int i = 0; i < n; i++) {
        long[] a = words[i];
        if (a == null) {
          continue;
        }
        for (int j = i + 1; j < n; j++) {
          long[] b = words[j];
          if (b == null) {
            continue;
          }
          int to = Math.min(from + BLOCK_WORDS, Math.min(a.length, b.length));
          long count = 0;
          for (int w = from; w < to; w++) {
            count += Long.bitCount(a[w] & b[w]);
          }
          counts[i][j] += count;
        }
      }
    }
  }

  /** {@code bits} if it holds live ids only, else its AND with the live set. */
  private TagBitmap liveOnly(TagBitmap bits) {
    return holdsLiveOnly(bits) ? bits : bits.and(dictionary.liveView());
  }

  private boolean holdsLiveOnly(TagBitmap bits) {
    int capacity = dictionary.capacity();
    if (dictionary.size() != capacity || bits.isEmpty()) {
      return bits.isEmpty();
    }
    if (bits instanceof SparseTagBitmap sparse) {
      return sparse.last() < capacity;
    }
    long[] words = ((DenseTagBitmap) bits).words();
    int w = capacity >>> 6;
    if (w < words.length && (words[w] & (-1L << capacity)) != 0 && (capacity & 63) != 0) {
      return false; // an id at or past capacity inside the last live word
    }
    for (int i = (capacity & 63) == 0 ? w : w + 1; i < words.length; i++) {
      if (words[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
