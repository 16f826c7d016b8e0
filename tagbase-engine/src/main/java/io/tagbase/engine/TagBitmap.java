package io.tagbase.engine;

import java.util.PrimitiveIterator;
import java.util.function.IntConsumer;

/**
 * A set of customer ids (non-negative ints handed out by {@link CustomerDictionary}), in one of two
 * representations chosen by density.
 *
 * <ul>
 *   <li><b>Dense</b>: a plain {@code long[]} bitset, 64 ids per word. Memory is {@code universe/8}
 *       bytes whatever the cardinality; AND/OR/ANDNOT cost one pass over the words. Measured to
 *       beat Roaring on AND/OR above roughly 1/64 density.
 *   <li><b>Sparse</b>: a {@link org.roaringbitmap.RoaringBitmap}. Memory and operation cost follow
 *       the cardinality, so it wins below roughly 1/64 density.
 * </ul>
 *
 * <p>Both representations answer every operation and may be mixed freely. {@link #and}, {@link #or}
 * and {@link #andNot} return a new bitmap and never modify either input; the {@code ...InPlace}
 * variants modify {@code this} only. Results of mixed operations take the cheaper representation
 * (an AND with a sparse operand is sparse, an OR with a dense operand is dense).
 *
 * <p>Not thread-safe for writers. Concurrent readers are safe when no thread writes. (A dense
 * bitmap recounts its cardinality lazily after an in-place AND/OR/ANDNOT, an idempotent race;
 * bitmaps changed only by add, remove and conversion, like those in {@link TagIndex}, always know
 * their count.)
 */
public sealed interface TagBitmap permits DenseTagBitmap, SparseTagBitmap {

  /** Above this density (cardinality / universe) a dense bitset pays: one id per 64-bit word. */
  int DENSE_ABOVE_ONE_IN = 64;

  /** A new, empty, sparse bitmap. */
  static TagBitmap empty() {
    return new SparseTagBitmap();
  }

  /** A new sparse bitmap holding {@code ids} (any order, duplicates allowed). */
  static TagBitmap of(int... ids) {
    TagBitmap bitmap = new SparseTagBitmap();
    for (int id : ids) {
      bitmap.add(id);
    }
    return bitmap;
  }

  /** A new, empty, dense bitmap with room for ids {@code 0..universe-1} (it grows if needed). */
  /**
   * A dense bitmap over {@code words} (bit {@code id & 63} of word {@code id >>> 6}), not copied.
   */
  static TagBitmap ofWords(long[] words) {
    return DenseTagBitmap.ofWords(words);
  }

  static TagBitmap dense(int universe) {
    return new DenseTagBitmap(universe);
  }

  /** Whether a set of {@code cardinality} ids out of {@code universe} is best kept dense. */
  static boolean prefersDense(long cardinality, int universe) {
    return cardinality * DENSE_ABOVE_ONE_IN > universe;
  }

  /** A new, empty bitmap in the representation that suits the expected cardinality. */
  static TagBitmap forDensity(long expectedCardinality, int universe) {
    return prefersDense(expectedCardinality, universe) ? dense(universe) : empty();
  }

  /**
   * {@code bits} itself if its representation suits its density in {@code universe}, otherwise a
   * converted copy with the same ids. Costs one pass over the bitmap when it converts.
   */
  static TagBitmap optimized(TagBitmap bits, int universe) {
    return prefersDense(bits.cardinality(), universe) ? bits.toDense() : bits.toSparse();
  }

  /** Adds {@code id}; returns whether it was absent. Rejects negative ids. */
  boolean add(int id);

  /** Removes {@code id}; returns whether it was present. */
  boolean remove(int id);

  /** Whether {@code id} is in the set; false for negative ids. O(1). */
  boolean contains(int id);

  /** Number of ids. O(1) for sparse; dense counts once and then keeps the count current. */
  long cardinality();

  boolean isEmpty();

  /** A new bitmap with the ids in both. Inputs are not modified. */
  TagBitmap and(TagBitmap other);

  /** A new bitmap with the ids in either. Inputs are not modified. */
  TagBitmap or(TagBitmap other);

  /**
   * A new bitmap with the ids in {@code this} but not in {@code other}. Inputs are not modified.
   */
  TagBitmap andNot(TagBitmap other);

  /** {@code and(other).cardinality()} without building the intersection. */
  long andCardinality(TagBitmap other);

  /** Keeps only the ids also in {@code other}. Modifies {@code this} only. */
  void andInPlace(TagBitmap other);

  /** Adds every id of {@code other}. Modifies {@code this} only. */
  void orInPlace(TagBitmap other);

  /** Removes every id of {@code other}. Modifies {@code this} only. */
  void andNotInPlace(TagBitmap other);

  /** The ids in ascending order. Undefined if the bitmap is modified during iteration. */
  PrimitiveIterator.OfInt iterator();

  /** Calls {@code action} with each id in ascending order. */
  void forEach(IntConsumer action);

  /**
   * Up to {@code limit} ids in ascending order, skipping the first {@code offset}. Empty when
   * {@code offset} is past the end or {@code limit} is 0. Costs O(offset/64) words or O(log n)
   * containers to skip, then O(limit).
   */
  int[] page(int offset, int limit);

  /** All ids in ascending order. */
  int[] toArray();

  /** An independent copy in the same representation. */
  TagBitmap copy();

  boolean isDense();

  /** {@code this} if dense, else a new dense bitmap with the same ids. */
  TagBitmap toDense();

  /** {@code this} if sparse, else a new sparse bitmap with the same ids. */
  TagBitmap toSparse();
}
