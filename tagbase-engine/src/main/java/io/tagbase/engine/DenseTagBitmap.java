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
 */
final class DenseTagBitmap implements TagBitmap {
  private static final int UNKNOWN = -1;
  private static final int[] NO_IDS = {};

  private long[] words;
  private long cardinality; // UNKNOWN after a bulk operation, counted again on demand

  DenseTagBitmap(int universe) {
    this(new long[wordsFor(universe)], 0);
  }

  private DenseTagBitmap(long[] words, long cardinality) {
    this.words = words;
    this.cardinality = cardinality;
  }

  /** Takes ownership of {@code words}. */
  static DenseTagBitmap ofWords(long[] words) {
    return new DenseTagBitmap(words, UNKNOWN);
  }

  /** Takes ownership of {@code words}, which hold {@code cardinality} ids. */
  static DenseTagBitmap ofWords(long[] words, long cardinality) {
    return new DenseTagBitmap(words, cardinality);
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
      for (long word : words) {
        count += Long.bitCount(word);
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
    for (long word : words) {
      if (word != 0) {
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
    long[] o = ((DenseTagBitmap) other).words;
    long[] result = new long[Math.min(words.length, o.length)];
    for (int i = 0; i < result.length; i++) {
      result[i] = words[i] & o[i];
    }
    return ofWords(result);
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
    long[] o = ((DenseTagBitmap) other).words;
    int n = Math.min(words.length, o.length);
    long count = 0;
    for (int i = 0; i < n; i++) {
      count += Long.bitCount(words[i] & o[i]);
    }
    return count;
  }

  @Override
  public void andInPlace(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      long[] kept = new long[words.length];
      PrimitiveIterator.OfInt ids = sparse.iterator();
      while (ids.hasNext()) {
        int id = ids.nextInt();
        if (id >>> 6 >= words.length) {
          break; // ascending: nothing further can be set here
        }
        kept[id >>> 6] |= words[id >>> 6] & (1L << id);
      }
      words = kept;
    } else {
      long[] o = ((DenseTagBitmap) other).words;
      int n = Math.min(words.length, o.length);
      for (int i = 0; i < n; i++) {
        words[i] &= o[i];
      }
      Arrays.fill(words, n, words.length, 0L);
    }
    cardinality = UNKNOWN;
  }

  @Override
  public void orInPlace(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      if (sparse.isEmpty()) {
        return;
      }
      ensureWords(wordsFor(sparse.last() + 1));
      sparse.forEach(id -> words[id >>> 6] |= 1L << id);
    } else {
      long[] o = ((DenseTagBitmap) other).words;
      ensureWords(o.length);
      for (int i = 0; i < o.length; i++) {
        words[i] |= o[i];
      }
    }
    cardinality = UNKNOWN;
  }

  @Override
  public void andNotInPlace(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      PrimitiveIterator.OfInt ids = sparse.iterator();
      while (ids.hasNext()) {
        int id = ids.nextInt();
        if (id >>> 6 >= words.length) {
          break;
        }
        words[id >>> 6] &= ~(1L << id);
      }
    } else {
      long[] o = ((DenseTagBitmap) other).words;
      int n = Math.min(words.length, o.length);
      for (int i = 0; i < n; i++) {
        words[i] &= ~o[i];
      }
    }
    cardinality = UNKNOWN;
  }

  @Override
  public PrimitiveIterator.OfInt iterator() {
    return new PrimitiveIterator.OfInt() {
      private final long[] w = words;
      private int index;
      private long word = w.length == 0 ? 0 : w[0];

      @Override
      public boolean hasNext() {
        while (word == 0 && index + 1 < w.length) {
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
    for (int i = 0; i < words.length; i++) {
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
    for (int i = 0; n < page.length; i++) {
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
    return new DenseTagBitmap(words.clone(), cardinality);
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
