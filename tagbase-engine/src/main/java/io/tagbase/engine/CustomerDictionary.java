package io.tagbase.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Maps external customer ids (whatever the business uses: member number, phone hash, CRM key) to
 * dense ints {@code 0..capacity()-1}, the ids that {@link TagBitmap}s index.
 *
 * <p>Ids are handed out in order and never change. Removing a customer (erasure) leaves a hole: its
 * id is never handed out again by this dictionary, so a bitmap that still names the id cannot
 * silently come to mean someone else. Interning the same external id after removal gives it a fresh
 * id. {@link #live()} is the set of ids currently in use; it is the universe for NOT.
 *
 * <p>Cost: {@link #intern}, {@link #find} and {@link #remove} are one hash lookup; {@link
 * #externalId} is an array read. Memory is one hash entry plus one array slot per id ever handed
 * out, plus one bit per id for the live set.
 *
 * <p>Not thread-safe: callers guard it (the server holds a read-write lock around the engine).
 */
public final class CustomerDictionary {
  private static final int PARALLEL_IDS = 16_384; // below this a hand-off costs more than it saves

  private Map<String, Integer> ids = new HashMap<>();
  private DenseTagBitmap live = new DenseTagBitmap(0);
  private String[] externalIds = new String[16];
  private int capacity;

  /**
   * A dictionary whose id {@code i} is {@code externalIds[i]}, a null entry being a hole; what
   * {@link #externalId} gave for ids {@code 0..capacity-1} before, as {@link IndexSnapshot} stores
   * it. Takes ownership of the array. Rejects an external id that appears twice.
   */
  static CustomerDictionary restore(String[] externalIds) {
    CustomerDictionary dictionary = new CustomerDictionary();
    int live = 0;
    for (String id : externalIds) {
      live += id == null ? 0 : 1;
    }
    dictionary.ids = new HashMap<>((int) Math.min(Integer.MAX_VALUE, (long) (live / 0.75) + 16));
    long[] words = new long[DenseTagBitmap.wordsFor(externalIds.length)];
    for (int i = 0; i < externalIds.length; i++) {
      if (externalIds[i] != null) {
        if (dictionary.ids.put(externalIds[i], i) != null) {
          throw new IllegalArgumentException("external id appears twice: " + externalIds[i]);
        }
        words[i >>> 6] |= 1L << i;
      }
    }
    dictionary.live = DenseTagBitmap.ofWords(words, live);
    dictionary.externalIds =
        externalIds.length < 16 ? Arrays.copyOf(externalIds, 16) : externalIds; // room to grow
    dictionary.capacity = externalIds.length;
    return dictionary;
  }

  /** The id of {@code externalId}, assigning the next unused id if it has none. */
  public int intern(String externalId) {
    Objects.requireNonNull(externalId, "externalId");
    Integer existing = ids.get(externalId);
    if (existing != null) {
      return existing;
    }
    if (capacity == Integer.MAX_VALUE) {
      throw new IllegalStateException("customer dictionary is full: " + capacity + " ids");
    }
    if (capacity == externalIds.length) {
      externalIds = Arrays.copyOf(externalIds, externalIds.length + (externalIds.length >> 1));
    }
    int id = capacity++;
    externalIds[id] = externalId;
    ids.put(externalId, id);
    live.add(id);
    return id;
  }

  /** The id of {@code externalId}, or empty if it was never interned or has been removed. */
  public OptionalInt find(String externalId) {
    Integer id = ids.get(externalId);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The external id behind {@code id}, or null for a hole or an id never handed out. */
  public String externalId(int id) {
    return id >= 0 && id < capacity ? externalIds[id] : null;
  }

  /**
   * The external ids behind {@code ids} (null for a hole), in the same order. Large arrays are
   * mapped on every core (common {@link java.util.concurrent.ForkJoinPool}): each id is a memory
   * access of its own, so an export of a 100k segment out of 10M customers waits on memory more
   * than it computes.
   */
  public String[] externalIds(int[] ids) {
    String[] out = new String[ids.length];
    int parts = ids.length < PARALLEL_IDS ? 1 : ForkJoinPool.getCommonPoolParallelism() + 1;
    IntStream.range(0, parts)
        .parallel()
        .forEach(
            p -> {
              int to = (int) ((long) ids.length * (p + 1) / parts);
              for (int i = (int) ((long) ids.length * p / parts); i < to; i++) {
                out[i] = externalId(ids[i]);
              }
            });
    return out;
  }

  /** Whether {@code id} belongs to a customer that has not been removed. */
  public boolean isLive(int id) {
    return live.contains(id);
  }

  /**
   * Removes {@code externalId}, leaving a hole at its id. Returns whether it was present. Tag
   * bitmaps are not touched: call {@link TagIndex#removeCustomer} too (evaluation ignores holes
   * either way).
   */
  public boolean remove(String externalId) {
    Integer id = ids.remove(externalId);
    if (id == null) {
      return false;
    }
    externalIds[id] = null;
    live.remove(id);
    return true;
  }

  /** How many ids have been handed out (live ones and holes): every id is below this. */
  public int capacity() {
    return capacity;
  }

  /** How many customers are live. */
  public int size() {
    return ids.size();
  }

  /** A copy of the set of live ids. Costs capacity/8 bytes. */
  public TagBitmap live() {
    return live.copy();
  }

  /**
   * How many leading words of the live set are known to be all ones: every word below {@code
   * capacity/64} when there are no holes, else none. Readers skip ANDing with those words.
   */
  int fullLiveWords() {
    return ids.size() == capacity ? capacity >>> 6 : 0;
  }

  /** The live set itself, for readers in this package that promise not to modify it. */
  TagBitmap liveView() {
    return live;
  }
}
