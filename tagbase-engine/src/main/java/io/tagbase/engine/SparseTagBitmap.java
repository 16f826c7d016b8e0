package io.tagbase.engine;

import java.util.Arrays;
import java.util.PrimitiveIterator;
import java.util.function.IntConsumer;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * A {@link RoaringBitmap}. With a dense operand, AND and ANDNOT walk this bitmap's ids and probe
 * the bitset, so they cost O(cardinality of this) whatever the size of the dense side.
 */
final class SparseTagBitmap implements TagBitmap {
  private static final int PREVIEW = 16;

  private RoaringBitmap bits;

  SparseTagBitmap() {
    this(new RoaringBitmap());
  }

  SparseTagBitmap(RoaringBitmap bits) {
    this.bits = bits;
  }

  /** The Roaring bitmap itself, for readers in this package that promise not to modify it. */
  RoaringBitmap roaring() {
    return bits;
  }

  static void checkPage(int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException(
          "offset and limit must be >= 0: offset " + offset + ", limit " + limit);
    }
  }

  static String describe(TagBitmap bitmap) {
    long cardinality = bitmap.cardinality();
    String ids = Arrays.toString(bitmap.page(0, PREVIEW));
    return "{" + cardinality + " ids: " + (cardinality > PREVIEW ? ids + "..." : ids) + "}";
  }

  /** The smallest id; the bitmap must not be empty. */
  int first() {
    return bits.first();
  }

  /** The largest id; the bitmap must not be empty. */
  int last() {
    return bits.last();
  }

  @Override
  public boolean add(int id) {
    if (id < 0) {
      throw new IllegalArgumentException("customer id must be >= 0: " + id);
    }
    return bits.checkedAdd(id);
  }

  @Override
  public boolean remove(int id) {
    return id >= 0 && bits.checkedRemove(id);
  }

  @Override
  public boolean contains(int id) {
    return id >= 0 && bits.contains(id); // Roaring reads a negative int as a large unsigned id
  }

  @Override
  public long cardinality() {
    return bits.getLongCardinality();
  }

  @Override
  public boolean isEmpty() {
    return bits.isEmpty();
  }

  @Override
  public TagBitmap and(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      return new SparseTagBitmap(RoaringBitmap.and(bits, sparse.bits));
    }
    return new SparseTagBitmap(filter((DenseTagBitmap) other, true));
  }

  @Override
  public TagBitmap or(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      return new SparseTagBitmap(RoaringBitmap.or(bits, sparse.bits));
    }
    return other.or(this); // the union is at least as dense as the dense side
  }

  @Override
  public TagBitmap andNot(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      return new SparseTagBitmap(RoaringBitmap.andNot(bits, sparse.bits));
    }
    return new SparseTagBitmap(filter((DenseTagBitmap) other, false));
  }

  @Override
  public long andCardinality(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      return RoaringBitmap.andCardinality(bits, sparse.bits);
    }
    DenseTagBitmap dense = (DenseTagBitmap) other;
    long end = (long) dense.endWord() << 6; // ids outside the dense span cannot be in it
    long count = 0;
    PeekableIntIterator ids = bits.getIntIterator();
    ids.advanceIfNeeded(dense.firstWord() << 6);
    while (ids.hasNext()) {
      int id = ids.next();
      if (id >= end) {
        break;
      }
      if (dense.contains(id)) {
        count++;
      }
    }
    return count;
  }

  @Override
  public void andInPlace(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      bits.and(sparse.bits);
    } else {
      bits = filter((DenseTagBitmap) other, true);
    }
  }

  @Override
  public void orInPlace(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      bits.or(sparse.bits);
    } else {
      bits.or(BitSetUtil.bitmapOf(((DenseTagBitmap) other).words()));
    }
  }

  @Override
  public void andNotInPlace(TagBitmap other) {
    if (other instanceof SparseTagBitmap sparse) {
      bits.andNot(sparse.bits);
    } else {
      bits = filter((DenseTagBitmap) other, false);
    }
  }

  @Override
  public PrimitiveIterator.OfInt iterator() {
    PeekableIntIterator ids = bits.getIntIterator();
    return new PrimitiveIterator.OfInt() {
      @Override
      public boolean hasNext() {
        return ids.hasNext();
      }

      @Override
      public int nextInt() {
        return ids.next();
      }
    };
  }

  @Override
  public void forEach(IntConsumer action) {
    bits.forEach((int id) -> action.accept(id));
  }

  @Override
  public int[] page(int offset, int limit) {
    checkPage(offset, limit);
    long available = cardinality() - offset;
    if (available <= 0 || limit == 0) {
      return new int[0];
    }
    int[] page = new int[(int) Math.min(limit, available)];
    PeekableIntIterator ids = bits.getIntIterator();
    ids.advanceIfNeeded(bits.select(offset)); // select is O(containers), not O(offset)
    for (int n = 0; n < page.length; n++) {
      page[n] = ids.next();
    }
    return page;
  }

  @Override
  public int[] toArray() {
    return bits.toArray();
  }

  @Override
  public SparseTagBitmap copy() {
    return new SparseTagBitmap(bits.clone());
  }

  @Override
  public boolean isDense() {
    return false;
  }

  @Override
  public TagBitmap toDense() {
    return DenseTagBitmap.ofWords(BitSetUtil.toLongArray(bits), cardinality());
  }

  @Override
  public TagBitmap toSparse() {
    return this;
  }

  @Override
  public String toString() {
    return "SparseTagBitmap" + describe(this);
  }

  /** The ids of this bitmap that are ({@code keep}) or are not ({@code !keep}) in {@code dense}. */
  private RoaringBitmap filter(DenseTagBitmap dense, boolean keep) {
    if (keep) { // only ids inside the dense span can be kept
      RoaringBitmap kept = new RoaringBitmap();
      long end = (long) dense.endWord() << 6;
      PeekableIntIterator ids = bits.getIntIterator();
      ids.advanceIfNeeded(dense.firstWord() << 6);
      int[] buffer = new int[4096];
      int n = 0;
      while (ids.hasNext()) {
        int id = ids.next();
        if (id >= end) {
          break;
        }
        if (dense.contains(id)) {
          buffer[n++] = id;
          if (n == buffer.length) {
            kept.addN(buffer, 0, n);
            n = 0;
          }
        }
      }
      kept.addN(buffer, 0, n);
      return kept;
    }
    int[] kept = new int[bits.getCardinality()];
    int n = 0;
    PeekableIntIterator ids = bits.getIntIterator();
    while (ids.hasNext()) {
      int id = ids.next();
      if (!dense.contains(id)) {
        kept[n++] = id;
      }
    }
    RoaringBitmap result = new RoaringBitmap();
    result.addN(kept, 0, n); // ascending input: appends container by container
    return result;
  }
}
