package io.tagbase.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One event type's day, per stored id: how many events, and the sum of their amounts in cents.
 * {@link ActivityDays} keeps one next to each day set, so {@code count(order, last 30 days)} and
 * {@code sum(order, amount, last 30 days)} add up 30 tallies instead of reading the event log.
 *
 * <p>Layout: a sorted part (ids ascending and distinct; a count in one byte, larger ones and
 * removed entries in a side map; cents only once some amount was not zero) and a pending part in
 * arrival order, merged into the sorted part when it reaches a quarter of it (at least {@value
 * #MIN_PENDING} entries), so an add is amortized O(log n) and a day of n customers costs about 5
 * bytes each (13 with amounts).
 *
 * <p>Not thread-safe: {@link ActivityDays} guards it with its lock.
 */
final class DayTally {
  /** Sees one stored id's events of the day; an id may be seen more than once: add them up. */
  interface Visitor {
    void visit(int storedId, int count, long cents);
  }

  /** What {@link #remove} took away: the id's count and cents. */
  record Taken(int count, long cents) {}

  static final int MIN_PENDING = 1024;

  private static final int FAR = 0; // a count byte of 0: the count is in the side map

  // sorted part
  private int[] ids = new int[0];
  private byte[] counts = new byte[0]; // 1..255 the count; 0: see far
  private long[] cents; // null while every entry's sum is 0
  private Map<Integer, Integer> far = new HashMap<>(); // id -> count above 255, or 0 once removed
  private int size;

  // pending part, in arrival order; ids may repeat, a count of 0 was removed
  private int[] pendingIds = new int[16];
  private int[] pendingCounts = new int[16];
  private long[] pendingCents = new long[16];
  private int pending;

  /** Adds {@code count} events of {@code storedId} with {@code cents} in all. */
  void add(int storedId, int count, long cents) {
    if (pending == pendingIds.length) {
      int grown = pending * 2;
      pendingIds = Arrays.copyOf(pendingIds, grown);
      pendingCounts = Arrays.copyOf(pendingCounts, grown);
      pendingCents = Arrays.copyOf(pendingCents, grown);
    }
    pendingIds[pending] = storedId;
    pendingCounts[pending] = count;
    pendingCents[pending] = cents;
    pending++;
    if (pending >= Math.max(MIN_PENDING, size >> 2)) {
      compact();
    }
  }

  /** Hands every id with events to {@code visitor}. */
  void visit(Visitor visitor) {
    for (int i = 0; i < size; i++) {
      int count = countAt(i);
      if (count != 0) {
        visitor.visit(ids[i], count, cents == null ? 0 : cents[i]);
      }
    }
    for (int j = 0; j < pending; j++) {
      if (pendingCounts[j] != 0) {
        visitor.visit(pendingIds[j], pendingCounts[j], pendingCents[j]);
      }
    }
  }

  /** Removes {@code storedId}'s events of the day; returns what it had (a count of 0: none). */
  Taken remove(int storedId) {
    int count = 0;
    long sum = 0;
    int at = Arrays.binarySearch(ids, 0, size, storedId);
    if (at >= 0 && countAt(at) != 0) {
      count += countAt(at);
      counts[at] = FAR;
      far.put(storedId, 0);
      if (cents != null) {
        sum += cents[at];
        cents[at] = 0;
      }
    }
    for (int j = 0; j < pending; j++) {
      if (pendingIds[j] == storedId && pendingCounts[j] != 0) {
        count += pendingCounts[j];
        sum += pendingCents[j];
        pendingCounts[j] = 0;
        pendingCents[j] = 0;
      }
    }
    return new Taken(count, sum);
  }

  /** Merges the pending part into the sorted part and drops removed entries. */
  void compact() {
    if (pending == 0 && far.values().stream().noneMatch(c -> c == 0)) {
      return;
    }
    long[] order = new long[pending]; // id in the high half, position in the low half
    for (int j = 0; j < pending; j++) {
      order[j] = ((long) pendingIds[j] << 32) | j;
    }
    Arrays.sort(order);
    int capacity = size + pending;
    int[] newIds = new int[capacity];
    int[] newCounts = new int[capacity];
    long[] newCents = new long[capacity];
    boolean anyCents = false;
    int n = 0;
    int i = 0;
    int k = 0;
    while (i < size || k < pending) {
      int id =
          k == pending || (i < size && ids[i] <= (int) (order[k] >>> 32))
              ? ids[i]
              : (int) (order[k] >>> 32);
      long count = 0;
      long sum = 0;
      if (i < size && ids[i] == id) {
        count += countAt(i);
        sum += cents == null ? 0 : cents[i];
        i++;
      }
      while (k < pending && (int) (order[k] >>> 32) == id) {
        int j = (int) order[k++];
        count += pendingCounts[j];
        sum += pendingCents[j];
      }
      if (count > 0) {
        newIds[n] = id;
        newCounts[n] = (int) Math.min(Integer.MAX_VALUE, count);
        newCents[n] = sum;
        anyCents |= sum != 0;
        n++;
      }
    }
    ids = Arrays.copyOf(newIds, n);
    counts = new byte[n];
    far = new HashMap<>();
    for (int e = 0; e < n; e++) {
      if (newCounts[e] <= 255) {
        counts[e] = (byte) newCounts[e];
      } else {
        counts[e] = FAR;
        far.put(newIds[e], newCounts[e]);
      }
    }
    cents = anyCents ? Arrays.copyOf(newCents, n) : null;
    size = n;
    pending = 0;
  }

  /** Compacts and gives back the pending part's spare room (after a bulk load). */
  void trim() {
    compact();
    pendingIds = new int[16];
    pendingCounts = new int[16];
    pendingCents = new long[16];
  }

  /** About what it holds on the heap, in bytes. */
  long bytes() {
    return 5L * size + (cents == null ? 0 : 8L * size) + 16L * pendingIds.length + 48L * far.size();
  }

  private int countAt(int i) {
    int b = counts[i] & 0xFF;
    return b != FAR ? b : far.getOrDefault(ids[i], 0);
  }
}
