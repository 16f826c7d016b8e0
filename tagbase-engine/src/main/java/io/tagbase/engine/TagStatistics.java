package io.tagbase.engine;

import java.util.List;
import java.util.stream.IntStream;
import org.roaringbitmap.RoaringBitmap;

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
 * once, not once per pair. Both are memory-bound and split their work over the common {@link
 * java.util.concurrent.ForkJoinPool} (tags, resp. blocks of words), so they use every core; on 2
 * cores this took S5 of tagbase-bench at 1M customers from 3.9 to 1.9 ms (docs/benchmark.md).
 *
 * <p>Reads only: safe to call from several threads while nobody writes the index or dictionary.
 */
public final class TagStatistics {
  // 2,048 words (16 KiB) per tag per block: 20 tags stay inside a 512 KiB L2 cache
  private static final int BLOCK_WORDS = 2048;
  // a probe of a dense tag per member costs about as much as reading this many words in a row
  private static final int PROBES_PER_WORD = 4;

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
    TagBitmap[] bits = tags.stream().map(index::view).toArray(TagBitmap[]::new);
    long[] counts = new long[bits.length];
    TagBitmap dense = denseForCounting(segment);
    // memory-bound: one tag per task lets every core stream its own tags
    IntStream.range(0, bits.length)
        .parallel()
        .forEach(i -> counts[i] = (bits[i].isDense() ? dense : segment).andCardinality(bits[i]));
    return counts;
  }

  /**
   * The segment as a bitset for counting against dense tags: a dense AND-count reads only the words
   * of the segment's span, while a sparse segment probes a tag once per member. A sparse segment is
   * converted when its span has at most {@link #PROBES_PER_WORD} words per member (a cohort-like or
   * mid-sized segment); a thin one spread over everyone keeps probing.
   */
  private static TagBitmap denseForCounting(TagBitmap segment) {
    if (segment.isDense() || !(segment instanceof SparseTagBitmap sparse) || sparse.isEmpty()) {
      return segment;
    }
    long spanWords = (sparse.last() >>> 6) - (sparse.first() >>> 6) + 1L;
    return spanWords <= PROBES_PER_WORD * sparse.cardinality() ? sparse.toDense() : segment;
  }

  /**
   * The symmetric matrix of how many live customers have both tag i and tag j; the diagonal is the
   * coverage.
   */
  public long[][] overlap(List<String> tags) {
    int n = tags.size();
    TagBitmap[] bits = new TagBitmap[n];
    for (int i = 0; i < n; i++) {
      // a sparse tag that spans few words per member is counted as a bitset with the dense ones
      bits[i] = denseForCounting(liveOnly(index.view(tags.get(i))));
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
    DenseTagBitmap[] dense = new DenseTagBitmap[n];
    int longest = 0;
    for (int i = 0; i < n; i++) {
      if (bits[i] instanceof DenseTagBitmap d) {
        dense[i] = d;
        longest = Math.max(longest, d.endWord());
      }
    }
    int blocks = (longest + BLOCK_WORDS - 1) / BLOCK_WORDS;
    long[][] sums =
        IntStream.range(0, blocks)
            .parallel()
            .mapToObj(block -> countBlock(dense, block * BLOCK_WORDS))
            .reduce(new long[n][n], TagStatistics::add);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        counts[i][j] = sums[i][j];
      }
    }
  }

  private static long[][] add(long[][] a, long[][] b) {
    long[][] sum = new long[a.length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        sum[i][j] = a[i][j] + b[i][j];
      }
    }
    return sum;
  }

  /**
   * Pair counts, i < j, over the words {@code from..from+BLOCK_WORDS-1} of dense bitmaps (each
   * inside its span). One plain loop per pair: measured faster than pairing a tag with four at a
   * time, which C2 unrolls less well.
   */
  private static long[][] countBlock(DenseTagBitmap[] dense, int from) {
    int n = dense.length;
    int[] present = new int[n]; // the dense tags with words in this block
    int[] lo = new int[n];
    int[] hi = new int[n];
    int m = 0;
    for (int t = 0; t < n; t++) {
      if (dense[t] != null) {
        int l = Math.max(from, dense[t].firstWord());
        int h = Math.min(from + BLOCK_WORDS, dense[t].endWord());
        if (l < h) {
          present[m] = t;
          lo[m] = l;
          hi[m] = h;
          m++;
        }
      }
    }
    long[][] counts = new long[n][n];
    for (int x = 0; x < m; x++) {
      long[] a = dense[present[x]].words();
      for (int y = x + 1; y < m; y++) {
        counts[present[x]][present[y]] =
            pairCount(a, dense[present[y]].words(), Math.max(lo[x], lo[y]), Math.min(hi[x], hi[y]));
      }
    }
    return counts;
  }

  private static long pairCount(long[] a, long[] b, int from, int to) {
    long count = 0;
    for (int w = from; w < to; w++) {
      count += Long.bitCount(a[w] & b[w]);
    }
    return count;
  }

  /**
   * Estimated bytes held by the tags' bitmaps: 8 per word of a dense one, Roaring's own estimate
   * for a sparse one. Object headers and the index's hash map are not counted. Costs a copy of each
   * sparse tag: meant for reports, not hot paths.
   */
  public long bitmapBytes(List<String> tags) {
    long bytes = 0;
    for (String tag : tags) {
      TagBitmap bits = index.view(tag);
      bytes +=
          bits instanceof DenseTagBitmap dense
              ? 8L * dense.words().length
              : RoaringBitmap.bitmapOf(bits.toArray()).getLongSizeInBytes();
    }
    return bytes;
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
