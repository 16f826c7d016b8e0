package io.tagbase.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * Maps a {@link CustomerDictionary}'s ids to <em>stored ids</em> and back, and translates whole
 * bitmaps between the two. A stored id is one that outlives the dictionary: the database's customer
 * id, which is never handed out twice. Dictionary ids are not that: a dictionary built again (at
 * start-up) numbers the customers afresh, so a bitmap kept on disk must name them by stored ids.
 *
 * <p>Both ids are non-negative ints. An id without a partner (not mapped yet, or {@linkplain
 * #forgetStored forgotten}) is left out of every translation, so a customer erased since a bitmap
 * was stored is never counted from it.
 *
 * <p>Cost: two int arrays, one slot per dictionary id and one per stored id up to the largest
 * (about 80 MB at 10M customers). {@link #put} and the lookups are array accesses; a translation is
 * one pass over the bitmap's ids (about 10 ns each).
 *
 * <p>Not thread-safe: callers guard it, with its dictionary.
 */
public final class StoredIds {
  private static final int NONE = -1;

  private int[] storedOf = new int[0]; // by dictionary id
  private int[] idOf = new int[0]; // by stored id
  private int mapped;

  /**
   * Pairs dictionary id {@code id} with {@code storedId}, replacing an earlier pairing of either.
   */
  public void put(int id, int storedId) {
    if (id < 0 || storedId < 0) {
      throw new IllegalArgumentException("ids are non-negative: " + id + ", " + storedId);
    }
    int oldStored = storedId(id);
    if (oldStored >= 0) {
      idOf[oldStored] = NONE;
      mapped--;
    }
    int oldId = id(storedId);
    if (oldId >= 0) {
      storedOf[oldId] = NONE;
      mapped--;
    }
    storedOf = grow(storedOf, id);
    idOf = grow(idOf, storedId);
    storedOf[id] = storedId;
    idOf[storedId] = id;
    mapped++;
  }

  /** Forgets the customer behind {@code storedId} (erased); returns whether it was mapped. */
  public boolean forgetStored(int storedId) {
    int id = id(storedId);
    if (id < 0) {
      return false;
    }
    idOf[storedId] = NONE;
    storedOf[id] = NONE;
    mapped--;
    return true;
  }

  /** The stored id of dictionary id {@code id}, or -1 when it has none. */
  public int storedId(int id) {
    return id >= 0 && id < storedOf.length ? storedOf[id] : NONE;
  }

  /** The dictionary id of {@code storedId}, or -1 when it has none. */
  public int id(int storedId) {
    return storedId >= 0 && storedId < idOf.length ? idOf[storedId] : NONE;
  }

  /** How many pairs are mapped. */
  public int size() {
    return mapped;
  }

  /** The stored ids of the ids in {@code bits} that have one. {@code bits} is not modified. */
  public RoaringBitmap toStored(TagBitmap bits) {
    RoaringBitmapWriter<RoaringBitmap> writer = RoaringBitmapWriter.writer().get();
    int[] stored = storedOf;
    bits.forEach(
        id -> {
          if (id < stored.length && stored[id] >= 0) {
            writer.add(stored[id]);
          }
        });
    RoaringBitmap answer = writer.get();
    answer.runOptimize();
    return answer;
  }

  /** {@link #toStored(TagBitmap)} of a key's members in {@code index}, without copying them. */
  public RoaringBitmap toStored(TagIndex index, String key) {
    return toStored(index.view(key));
  }

  /**
   * The dictionary ids of the stored ids in {@code stored} that are mapped and live in {@code
   * dictionary}, dense or sparse as their density asks. {@code stored} is not modified.
   */
  public TagBitmap fromStored(RoaringBitmap stored, CustomerDictionary dictionary) {
    TagBitmap bits = TagBitmap.forDensity(stored.getLongCardinality(), dictionary.capacity());
    TagBitmap live = dictionary.liveView();
    int[] ids = idOf;
    stored.forEach(
        (org.roaringbitmap.IntConsumer)
            storedId -> {
              int id = storedId < ids.length ? ids[storedId] : NONE;
              if (id >= 0 && live.contains(id)) {
                bits.add(id);
              }
            });
    return bits;
  }

  /**
   * {@link #fromStored(RoaringBitmap, CustomerDictionary)} of ids in any order, repeats allowed.
   */
  public TagBitmap fromStored(int[] stored, CustomerDictionary dictionary) {
    TagBitmap bits = TagBitmap.forDensity(stored.length, dictionary.capacity());
    TagBitmap live = dictionary.liveView();
    for (int storedId : stored) {
      int id = id(storedId);
      if (id >= 0 && live.contains(id)) {
        bits.add(id);
      }
    }
    return bits;
  }

  /**
   * The live customers of each stored set, then everyone live in none of them: the partition a
   * layered tag's values made on the day they were stored, in today's numbering (for {@link
   * TagComparisons#crossTabOf}). Cost: one {@link #fromStored} per set and one ANDNOT each.
   */
  public List<TagBitmap> partition(List<RoaringBitmap> stored, CustomerDictionary dictionary) {
    List<TagBitmap> partition = new ArrayList<>(stored.size() + 1);
    TagBitmap none = dictionary.live();
    for (RoaringBitmap set : stored) {
      TagBitmap bits = fromStored(set, dictionary);
      none.andNotInPlace(bits);
      partition.add(bits);
    }
    partition.add(none);
    return partition;
  }

  private static int[] grow(int[] array, int index) {
    if (index < array.length) {
      return array;
    }
    int length =
        (int) Math.min(Integer.MAX_VALUE, Math.max(index + 1L, array.length * 3L / 2 + 16));
    int[] grown = Arrays.copyOf(array, length);
    Arrays.fill(grown, array.length, length, NONE);
    return grown;
  }
}
