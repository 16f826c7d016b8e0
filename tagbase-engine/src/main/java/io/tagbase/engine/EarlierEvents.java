package io.tagbase.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import org.roaringbitmap.IntConsumer;
import org.roaringbitmap.RoaringBitmap;

/**
 * One event type's events before the days {@link ActivityDays} keeps, summed up per stored id: how
 * many, their amounts' sum in cents, and the first and last day. With the kept days' tallies and
 * sets it answers all-time clauses ({@code count(order) >= 10}, {@code days since last(order) >
 * 30}) without the event log. Days leaving the kept ones are folded in.
 *
 * <p>Cost: 12 bytes per stored id up to the largest that had such an event (arrays by stored id),
 * 20 once some event had an amount; an add is O(1) amortized.
 *
 * <p>Not thread-safe: {@link ActivityDays} guards it with its lock.
 */
final class EarlierEvents {
  /** One stored id's summary; {@code count == 0} for none. */
  record Summary(int count, long cents, int first, int last) {}

  /** Sees one stored id's summary. */
  interface Visitor {
    void visit(int storedId, int count, long cents, int first, int last);
  }

  private int[] counts = new int[0];
  private long[] cents; // null while no event had an amount
  private int[] first = new int[0];
  private int[] last = new int[0];

  /** Adds {@code count} events of {@code storedId} on {@code firstDay}..{@code lastDay}. */
  void add(int storedId, int count, long amountCents, int firstDay, int lastDay) {
    if (count <= 0) {
      return;
    }
    if (storedId >= counts.length) {
      int capacity = Math.max(storedId + 1, counts.length + (counts.length >> 1));
      counts = Arrays.copyOf(counts, capacity);
      cents = cents == null ? null : Arrays.copyOf(cents, capacity);
      first = Arrays.copyOf(first, capacity);
      last = Arrays.copyOf(last, capacity);
    }
    if (counts[storedId] == 0) {
      first[storedId] = firstDay;
      last[storedId] = lastDay;
    } else {
      first[storedId] = Math.min(first[storedId], firstDay);
      last[storedId] = Math.max(last[storedId], lastDay);
    }
    counts[storedId] += count;
    if (amountCents != 0) {
      if (cents == null) {
        cents = new long[counts.length];
      }
      cents[storedId] += amountCents;
    }
  }

  /** Removes and returns {@code storedId}'s summary (count 0 when it had none). */
  Summary remove(int storedId) {
    if (storedId >= counts.length || counts[storedId] == 0) {
      return new Summary(0, 0, 0, 0);
    }
    Summary taken = new Summary(counts[storedId], cents(storedId), first[storedId], last[storedId]);
    counts[storedId] = 0;
    if (cents != null) {
      cents[storedId] = 0;
    }
    first[storedId] = 0;
    last[storedId] = 0;
    return taken;
  }

  /** Visits every stored id with events. */
  void visit(Visitor visitor) {
    for (int id = 0; id < counts.length; id++) {
      if (counts[id] > 0) {
        visitor.visit(id, counts[id], cents(id), first[id], last[id]);
      }
    }
  }

  private long cents(int storedId) {
    return cents == null ? 0 : cents[storedId];
  }

  /**
   * {@code measure} per dictionary id (through {@code ids}) in a new array of {@code capacity}: the
   * summaries of {@code before} (may be null) with the kept days' {@code tallies} and {@code sets}
   * (all earlier than any kept day). See {@link ActivityDays#lifetime}.
   */
  static double[] lifetime(
      EarlierEvents before,
      NavigableMap<Integer, DayTally> tallies,
      NavigableMap<Integer, RoaringBitmap> sets,
      StoredIds ids,
      int capacity,
      ActivityDays.Lifetime measure) {
    double[] values = new double[capacity];
    if (measure == ActivityDays.Lifetime.COUNT || measure == ActivityDays.Lifetime.AMOUNT) {
      boolean count = measure == ActivityDays.Lifetime.COUNT;
      if (before != null) {
        before.visit((s, n, cents, first, last) -> add(values, ids.id(s), count ? n : cents));
      }
      for (DayTally day : tallies.values()) {
        day.visit((s, n, cents) -> add(values, ids.id(s), count ? n : cents));
      }
      if (!count) {
        for (int id = 0; id < capacity; id++) {
          values[id] /= 100;
        }
      }
      return values;
    }
    Arrays.fill(values, Double.NaN);
    boolean first = measure == ActivityDays.Lifetime.FIRST;
    if (first && before != null) { // earlier days come before every kept one
      before.visit((s, n, cents, day, last) -> firstSeen(values, ids.id(s), day));
    }
    for (Map.Entry<Integer, RoaringBitmap> day : (first ? sets : sets.descendingMap()).entrySet()) {
      int d = day.getKey();
      day.getValue().forEach((IntConsumer) s -> firstSeen(values, ids.id(s), d));
    }
    if (!first && before != null) { // the kept days' last, else the earlier one
      before.visit((s, n, cents, firstDay, day) -> firstSeen(values, ids.id(s), day));
    }
    return values;
  }

  private static void add(double[] values, int id, double add) {
    if (id >= 0 && id < values.length) {
      values[id] += add;
    }
  }

  private static void firstSeen(double[] values, int id, int day) {
    if (id >= 0 && id < values.length && Double.isNaN(values[id])) {
      values[id] = day;
    }
  }

  long bytes() {
    return 64L + (cents == null ? 12L : 20L) * counts.length;
  }
}
