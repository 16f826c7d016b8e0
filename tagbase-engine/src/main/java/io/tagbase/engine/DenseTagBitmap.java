package io.tagbase.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.function.IntConsumer;
import org.roaringbitmap.BitSetUtil;

/**
 * Plain bitset: bit {@code id & 63} of word {@code id >>> 6}. Words past the end read as zero, so
 * two dense bitmaps of different lengths combine as if padded. Grows by half when an id lands past
 * the end. Operations with a sparse operand walk the sparse ids (at most universe/64 of them).
 *
 * <p>It also keeps a <em>span</em>: words {@link #firstWord()} (inclusive) to {@link #endWord()}
 * (exclusive) enclose every non-zero word. The span is exact after a bulk build and may only be
 * wider than needed after removals (it never shrinks on remove). Every loop reads the span only, so
 * a tag whose ids cluster (a sign-up cohort, a region of ids imported together) costs its span, not
 * the universe; a condition's span is the intersection of its AND terms' spans (see {@link
 * DenseBlockCounter}).
 */
final class DenseTagBitmap implements TagBitmap {
  static final int UNKNOWN = -1; // cardinality not counted yet
  private static final int[] NO_IDS = {};

  private long[] words;
  private long cardinality; // UNKNOWN after a bulk operation, counted again on demand
  private int first; // every non-zero word is in [first, end); first == end when none can be
  private int end;

  DenseTagBitmap(int universe) {
    this(new long[wordsFor(universe)], 0, 0, 0);
  }

  private DenseTagBitmap(long[] words, long cardinality, int first, int end) {
    this.words = words;
    this.cardinality = cardinality;
    this.first = first;
    this.end = end;
  }

  /** Takes ownership of {@code words}. */
  static DenseTagBitmap ofWords(long[] words) {
    return ofWords(words, UNKNOWN);
  }

  /** Takes ownership of {@code words}, which hold {@code cardinality} ids. */
  static DenseTagBitmap ofWords(long[] words, long cardinality) {
    return ofWords(words, cardinality, 0, words.length);
  }

  /**
   * Takes ownership of {@code words}, whose non-zero words all lie in {@code [from, to)}; the span
   * is narrowed to the exact one with a scan from both ends of that range.
   */
  static DenseTagBitmap ofWords(long[] words, long cardinality, int from, int to) {
    int lo = Math.max(0, from);
    int hi = Math.min(words.length, to);
    while (lo < hi && words[lo] == 0) {
      lo++;
    }
    while (hi > lo && words[hi - 1] == 0) {
      hi--;
    }
    return lo >= hi
        ? new DenseTagBitmap(words, 0, 0, 0)
        : new DenseTagBitmap(words, cardinality, lo, hi);
  }

  static int wordsFor(int universe) {
    if (universe < 0) {
      throw new IllegalArgumentException("universe must be >= 0: " + universe);
    }
    return (int) ((universe + 63L) >>> 6);
  }

  long[] words() {
    return words;
  }

  /** The first word that may be non-zero. */
  int firstWord() {
    return first;
  }

  /** One past the last word that may be non-zero; {@code firstWord() == endWord()} when empty. */
  int endWord() {
    return end;
  }

  /** Widens the span to take in word {@code w}. */
  private void cover(int w) {
    if (first == end) {
      first = w;
      end = w + 1;
    } else if (w < first) {
      first = w;
    } else if (w >= end) {
      end = w + 1;
    }
  }

  /** Widens the span to take in words {@code [from, to)}, a non-empty range. */
  private void cover(int from, int to) {
    if (first == end) {
      first = from;
      end = to;
    } else {
      first = Math.min(first, from);
      end = Math.max(end, to);
    }
  }

  @Override
  public boolean add(int id) {
    if (id < 0) {
      throw new IllegalArgumentException("customer id must be >= 0: " + id);
    }
    int w = id >>> 6;
    ensureWords(w + 1);
    long bit = 1L << id; // shifts use the low 6 bits: the position inside the word
    if ((words[w] & bit) != 0) {
      return false;
    }
    words[w] |= bit;
    cover(w);
    if (cardinality != UNKNOWN) {
      cardinality++;
    }
    return true;
  }

  @Override
  public boolean remove(int id) {
    if (!contains(id)) {
      return false;
    }
    words[id >>> 6] &= ~(1L << id);
    if (cardinality != UNKNOWN) {
      cardinality--;
    }
    return true;
  }

  @Override
  public boolean contains(int id) {
    int w = id >>> 6;
    return id >= 0 && w < words.length && (words[w] & (1L << id)) != 0;
  }

  @Override
  public long cardinality() {
    if (cardinality == UNKNOWN) {
      long count = 0;
      for (int i = first; i < end; i++) {
        count += Long.bitCount(words[i]);
      }
      cardinality = count;
    }
    return cardinality;
  }

  @Override
  public boolean isEmpty() {
    if (cardinality != UNKNOWN) {
      return cardinality == 0;
    }
    for (int i = first; i < end; i++) {
      if (words[i] != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public TagBitmap and(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      return sparse.and(this); // result is no larger than the sparse side
    }
    DenseTagBitmap d = (DenseTagBitmap) other;
    long[] o = d.words;
    long[] result = new long[Math.min(words.length, o.length)];
    int from = Math.max(first, d.first);
    int to = Math.min(end, d.end);
    for (int i = from; i < to; i++) {
      result[i] = words[i] & o[i];
    }
    return ofWords(result, UNKNOWN, from, to);
  }

  @Override
  public TagBitmap or(TagBitmap other) {
    DenseTagBitmap result = copy();
    result.orInPlace(other);
    return result;
  }

  @Override
  public TagBitmap andNot(TagBitmap other) {
    DenseTagBitmap result = copy();
    result.andNotInPlace(other);
    return result;
  }

  @Override
  public long andCardinality(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      return sparse.andCardinality(this);
    }
    DenseTagBitmap d = (DenseTagBitmap) other;
    long[] o = d.words;
    int to = Math.min(end, d.end);
    long count = 0;
    for (int i = Math.max(first, d.first); i < to; i++) {
      count += Long.bitCount(words[i] & o[i]);
    }
    return count;
  }

  @Override
  public void andInPlace(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      long[] kept = new long[words.length];
      int lo = 0;
      int hi = 0;
      PrimitiveIterator.OfInt ids = sparse.iterator();
      while (ids.hasNext()) {
        int id = ids.nextInt();
        int w = id >>> 6;
        if (w >= end) {
          break; // ascending: nothing further can be set here
        }
        long bit = words[w] & (1L << id);
        if (bit != 0) {
          kept[w] |= bit;
          lo = hi == 0 ? w : lo;
          hi = w + 1;
        }
      }
      words = kept;
      first = lo;
      end = hi;
    } else {
      DenseTagBitmap d = (DenseTagBitmap) other;
      long[] o = d.words;
      int lo = Math.max(first, d.first);
      int hi = Math.min(end, d.end);
      if (lo >= hi) { // the spans do not meet: nothing is left
        Arrays.fill(words, first, end, 0L);
        lo = 0;
        hi = 0;
      } else {
        Arrays.fill(words, first, lo, 0L);
        for (int i = lo; i < hi; i++) {
          words[i] &= o[i];
        }
        Arrays.fill(words, hi, end, 0L);
      }
      first = lo;
      end = hi;
    }
    cardinality = UNKNOWN;
  }

  @Override
  public void orInPlace(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      if (sparse.isEmpty()) {
        return;
      }
      int last = sparse.last();
      ensureWords(wordsFor(last + 1));
      sparse.forEach(id -> words[id >>> 6] |= 1L << id);
      cover(sparse.first() >>> 6, (last >>> 6) + 1);
    } else {
      DenseTagBitmap d = (DenseTagBitmap) other;
      if (d.first == d.end) {
        return;
      }
      long[] o = d.words;
      ensureWords(d.end);
      for (int i = d.first; i < d.end; i++) {
        words[i] |= o[i];
      }
      cover(d.first, d.end);
    }
    cardinality = UNKNOWN;
  }

  @Override
  public void andNotInPlace(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      PrimitiveIterator.OfInt ids = sparse.iterator();
      while (ids.hasNext()) {
        int id = ids.nextInt();
        if (id >>> 6 >= end) {
          break;
        }
        words[id >>> 6] &= ~(1L << id);
      }
    } else {
      DenseTagBitmap d = (DenseTagBitmap) other;
      long[] o = d.words;
      int to = Math.min(end, d.end);
      for (int i = Math.max(first, d.first); i < to; i++) {
        words[i] &= ~o[i];
      }
    }
    cardinality = UNKNOWN;
  }

  @Override
  public PrimitiveIterator.OfInt iterator() {
    return new PrimitiveIterator.OfInt() {
      private final long[] w = words;
      private final int to = end;
      private int index = first;
      private long word = first < to ? w[first] : 0;

      @Override
      public boolean hasNext() {
        while (word == 0 && index + 1 < to) {
          word = w[++index];
        }
        return word != 0;
      }

      @Override
      public int nextInt() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int id = (index << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1; // clear the lowest set bit
        return id;
      }
    };
  }

  @Override
  public void forEach(IntConsumer action) {
    for (int i = first; i < end; i++) {
      for (long word = words[i]; word != 0; word &= word - 1) {
        action.accept((i << 6) + Long.numberOfTrailingZeros(word));
      }
    }
  }

  @Override
  public int[] page(int offset, int limit) {
    SparseTagBitmap.checkPage(offset, limit);
    long available = cardinality() - offset;
    if (available <= 0 || limit == 0) {
      return NO_IDS;
    }
    int[] page = new int[(int) Math.min(limit, available)];
    int skip = offset;
    int n = 0;
    for (int i = first; n < page.length; i++) {
      long word = words[i];
      if (skip > 0) {
        int count = Long.bitCount(word);
        if (skip >= count) {
          skip -= count; // skip whole words by their popcount
          continue;
        }
        for (; skip > 0; skip--) {
          word &= word - 1;
        }
      }
      for (; word != 0 && n < page.length; word &= word - 1) {
        page[n++] = (i << 6) + Long.numberOfTrailingZeros(word);
      }
    }
    return page;
  }

  @Override
  public int[] toArray() {
    return page(0, Integer.MAX_VALUE);
  }

  @Override
  public DenseTagBitmap copy() {
    return new DenseTagBitmap(words.clone(), cardinality, first, end);
  }

  @Override
  public boolean isDense() {
    return true;
  }

  @Override
  public TagBitmap toDense() {
    return this;
  }

  @Override
  public TagBitmap toSparse() {
    return new SparseTagBitmap(BitSetUtil.bitmapOf(words));
  }

  @Override
  public String toString() {
    return "DenseTagBitmap" + SparseTagBitmap.describe(this);
  }

  private void ensureWords(int needed) {
    if (needed > words.length) {
      words = Arrays.copyOf(words, Math.max(needed, words.length + (words.length >> 1)));
    }
  }
}
