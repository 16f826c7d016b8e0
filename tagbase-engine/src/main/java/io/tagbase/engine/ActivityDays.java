package io.tagbase.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Who did what on which day: for each event type and day (any int day number, such as an epoch
 * day), the set of {@linkplain StoredIds stored ids} (database customer ids) with at least one
 * event of that type that day. "Who had an order in these 30 days" is then the union of 30 sets,
 * not a scan of the event log.
 *
 * <p>Next to each day set, a {@linkplain #tally tally} of the same day: per stored id the number of
 * events and the sum of their amounts in cents, so counts and sums over a window add up tallies.
 *
 * <p>Adding is idempotent: an event seen twice (a backfill overlapping live updates) changes
 * nothing, in the sets by their nature and in the tallies by the event's id (the ids added are
 * kept, a few bytes each while they come in runs). An id {@linkplain #forget forgotten} (an erased
 * customer) leaves every day and is never added again; an id {@linkplain #move moved} (a profile
 * merged into another) gives its days to the other, and later adds of it go there too.
 *
 * <p>Cost: one Roaring set per (type, day), about 2 bytes per customer-day while a day holds fewer
 * than 1 in 16 of the ids in any 65,536-id range, at most 8 KB per range and day. {@link #add} is a
 * map lookup and a bitmap insert; {@link #union} is one OR over the window's days (tens of
 * milliseconds for 30 days at 10M customers, see docs/benchmark.md); {@link #forget} and {@link
 * #move} look at every day once.
 *
 * <p>Thread-safe: one read-write lock; readers ({@link #union}, {@link #forEachDay}, the sizes) run
 * together, a writer excludes them for the time of its batch. The lock is a leaf: nothing is called
 * out to while it is held (but the visitors of {@link #forEachDay} and {@link #tally}, which must
 * not call back), so it may be taken inside any other lock without risk of deadlock.
 */
public final class ActivityDays {
  /**
   * One event's trace: its type, its day, its customer's stored id, and for the tallies its event
   * id (repeats of an id are ignored; negative: unknown, never taken for a repeat) and its amount
   * in cents ({@link #NO_AMOUNT} for none), and its properties when the event itself is to be kept
   * in the day's {@link DayEvents} (null: only its trace in the set and the tally).
   */
  public record Activity(
      String type,
      int day,
      int storedId,
      long eventId,
      long amountCents,
      Map<String, ?> properties) {
    /** An event without a known id or amount: counted in the tallies, never taken for a repeat. */
    public Activity(String type, int day, int storedId) {
      this(type, day, storedId, -1, NO_AMOUNT, null);
    }

    /** An event whose properties are not kept. */
    public Activity(String type, int day, int storedId, long eventId, long amountCents) {
      this(type, day, storedId, eventId, amountCents, null);
    }
  }

  /** What {@link #lifetime} sums up per customer over all time. */
  public enum Lifetime {
    /** How many events. */
    COUNT,
    /** The sum of their amounts (cents / 100). */
    AMOUNT,
    /** The day of the first (NaN: none). */
    FIRST,
    /** The day of the last (NaN: none). */
    LAST
  }

  /** The amount of an event that has none. */
  public static final long NO_AMOUNT = Long.MIN_VALUE;

  /** Sees one stored id's events of one day: how many, and their amounts' sum in cents. */
  public interface TallyVisitor {
    void visit(int storedId, int count, long cents);
  }

  /** Sees one day's set; must not modify it nor keep it. */
  public interface DayVisitor {
    void visit(String type, int day, RoaringBitmap storedIds);
  }

  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  // guarded by lock
  private final Map<String, NavigableMap<Integer, RoaringBitmap>> byType = new HashMap<>();
  private final Map<String, NavigableMap<Integer, DayTally>> tallies = new HashMap<>();
  private final Map<String, NavigableMap<Integer, DayEvents>> events = new HashMap<>();
  private final Map<String, EarlierEvents> earlier = new HashMap<>();
  private final Roaring64NavigableMap seen = new Roaring64NavigableMap(); // event ids added
  private final RoaringBitmap forgotten = new RoaringBitmap();
  private final Map<Integer, Integer> movedTo = new HashMap<>();

  /** Records that {@code storedId} had an event of {@code type} on {@code day}. */
  public void add(String type, int day, int storedId) {
    checkId(storedId);
    lock.writeLock().lock();
    try {
      addLocked(new Activity(type, day, storedId));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** {@link #add} of each, under one acquisition of the lock. */
  public void addAll(Collection<Activity> activities) {
    for (Activity a : activities) {
      checkId(a.storedId());
    }
    lock.writeLock().lock();
    try {
      for (Activity a : activities) {
        addLocked(a);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Records events from before the kept days (older than any day set): only summed up per stored id
   * and type (how many, their amounts, first and last day), for {@link #lifetime}. Idempotent by
   * event id like {@link #addAll}; properties are ignored.
   */
  public void addEarlier(Collection<Activity> activities) {
    for (Activity a : activities) {
      checkId(a.storedId());
    }
    lock.writeLock().lock();
    try {
      for (Activity a : activities) {
        if (!firstTime(a)) {
          continue;
        }
        int id = resolve(a.storedId());
        if (id >= 0) {
          long cents = a.amountCents() == NO_AMOUNT ? 0 : a.amountCents();
          earlier
              .computeIfAbsent(a.type(), t -> new EarlierEvents())
              .add(id, 1, cents, a.day(), a.day());
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Per dictionary id (through {@code ids}), in a new array of {@code capacity}: {@code measure} of
   * the customer's events of {@code type} over all time up to the day before {@code beforeDay}: the
   * {@linkplain #addEarlier earlier} summaries and every kept day before {@code beforeDay}. 0 for a
   * count or amount without events, NaN for a first or last day. All time is whole only when the
   * caller added every earlier event. Cost: one visit per customer with earlier events and one per
   * customer-day kept.
   */
  public double[] lifetime(
      String type, int beforeDay, StoredIds ids, int capacity, Lifetime measure) {
    lock.readLock().lock();
    try {
      return EarlierEvents.lifetime(
          earlier.get(type),
          tallies.getOrDefault(type, EMPTY_TALLIES).headMap(beforeDay, false),
          byType.getOrDefault(type, EMPTY_SETS).headMap(beforeDay, false),
          ids,
          capacity,
          measure);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The stored ids with at least one event of {@code type} on a day in {@code [fromDay, toDay)}: a
   * new bitmap the caller owns. Empty for an unknown type or an empty window.
   */
  public RoaringBitmap union(String type, int fromDay, int toDay) {
    lock.readLock().lock();
    try {
      NavigableMap<Integer, RoaringBitmap> days = byType.get(type);
      if (days == null || fromDay >= toDay) {
        return new RoaringBitmap();
      }
      Collection<RoaringBitmap> window = days.subMap(fromDay, true, toDay, false).values();
      if (window.size() == 1) {
        return window.iterator().next().clone();
      }
      return FastAggregation.or(window.iterator()); // a new bitmap, inputs untouched
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Hands {@code visitor}, under the read lock, every stored id with events of {@code type} on a
   * day in {@code [fromDay, toDay)}, once or more per day (add the visits up): the number of events
   * and the sum of their amounts in cents. Cost: one visit per customer and day of the window.
   */
  public void tally(String type, int fromDay, int toDay, TallyVisitor visitor) {
    lock.readLock().lock();
    try {
      NavigableMap<Integer, DayTally> days = tallies.get(type);
      if (days == null || fromDay >= toDay) {
        return;
      }
      for (DayTally day : days.subMap(fromDay, true, toDay, false).values()) {
        day.visit(visitor::visit);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The tallies of {@code [fromDay, toDay)} per dictionary id, through {@code ids}: how many events
   * of {@code type} each customer had, or with {@code amounts} the sum of their amounts (cents /
   * 100, 0 without any), in a new array of {@code capacity}. Stored ids without a partner below
   * {@code capacity} are left out. Cost: one visit per customer and day of the window (the sums are
   * exact: whole numbers below 2^53 until the one division).
   */
  public double[] tally(
      String type, int fromDay, int toDay, StoredIds ids, int capacity, boolean amounts) {
    double[] values = new double[capacity];
    tally(
        type,
        fromDay,
        toDay,
        (storedId, count, cents) -> {
          int id = ids.id(storedId);
          if (id >= 0 && id < capacity) {
            values[id] += amounts ? cents : count;
          }
        });
    if (amounts) {
      for (int id = 0; id < capacity; id++) {
        values[id] /= 100;
      }
    }
    return values;
  }

  /**
   * Hands {@code work}, under the read lock, the kept events of {@code type} on the days in {@code
   * [fromDay, toDay)} (only days some event with properties was added to), in day order, and
   * returns what it returns. The work must not modify the days, keep them, nor call back into these
   * days.
   */
  public <T> T events(
      String type, int fromDay, int toDay, java.util.function.Function<List<DayEvents>, T> work) {
    lock.readLock().lock();
    try {
      NavigableMap<Integer, DayEvents> days = events.get(type);
      if (days == null || fromDay >= toDay) {
        return work.apply(List.of());
      }
      return work.apply(List.copyOf(days.subMap(fromDay, true, toDay, false).values()));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Removes {@code storedId} from every day and keeps it out for good (adds of it, and moves into
   * it, are ignored from now on). Returns how many day sets held it.
   */
  public int forget(int storedId) {
    checkId(storedId);
    lock.writeLock().lock();
    try {
      forgotten.add(storedId);
      return removeEverywhere(storedId, -1);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Gives every day of {@code fromId} to {@code toId} (a profile merged into another: its events
   * now belong to the kept one), and sends later adds of {@code fromId} to {@code toId}. Returns
   * how many day sets held {@code fromId}.
   */
  public int move(int fromId, int toId) {
    checkId(fromId);
    checkId(toId);
    if (fromId == toId) {
      return 0;
    }
    lock.writeLock().lock();
    try {
      movedTo.put(fromId, toId);
      return removeEverywhere(fromId, resolve(toId));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Drops every day before {@code day}, summing them up with the {@linkplain #addEarlier earlier}
   * events; returns how many day sets were dropped.
   */
  public int dropBefore(int day) {
    return dropBefore(day, true);
  }

  /**
   * Drops every day before {@code day}, summing them up with the earlier events when {@code
   * summarize} (else all time is not kept up); returns how many day sets were dropped.
   */
  public int dropBefore(int day, boolean summarize) {
    lock.writeLock().lock();
    try {
      int dropped = dropBefore(byType, day);
      if (summarize) {
        tallies.forEach(
            (type, days) ->
                days.headMap(day, false)
                    .forEach(
                        (d, tally) -> {
                          EarlierEvents before =
                              earlier.computeIfAbsent(type, t -> new EarlierEvents());
                          tally.visit((s, n, cents) -> before.add(s, n, cents, d, d));
                        }));
      }
      dropBefore(tallies, day);
      dropBefore(events, day);
      return dropped;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Drops the kept events (not the sets and tallies) of every day before {@code day}; returns how
   * many days of events were dropped.
   */
  public int dropEventsBefore(int day) {
    lock.writeLock().lock();
    try {
      return dropBefore(events, day);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static int dropBefore(Map<String, ? extends NavigableMap<Integer, ?>> byType, int day) {
    int dropped = 0;
    for (var it = byType.values().iterator(); it.hasNext(); ) {
      NavigableMap<Integer, ?> days = it.next();
      NavigableMap<Integer, ?> old = days.headMap(day, false);
      dropped += old.size();
      old.clear();
      if (days.isEmpty()) {
        it.remove();
      }
    }
    return dropped;
  }

  /** Shrinks every set to its contents (after a bulk load: array containers grow in steps). */
  public void trim() {
    lock.writeLock().lock();
    try {
      for (NavigableMap<Integer, RoaringBitmap> days : byType.values()) {
        for (RoaringBitmap ids : days.values()) {
          ids.trim();
        }
      }
      for (NavigableMap<Integer, DayTally> days : tallies.values()) {
        days.values().forEach(DayTally::trim);
      }
      for (NavigableMap<Integer, DayEvents> days : events.values()) {
        days.values().forEach(DayEvents::trim);
      }
      seen.runOptimize();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Visits every (type, day) set under the read lock, days in order within a type. */
  public void forEachDay(DayVisitor visitor) {
    lock.readLock().lock();
    try {
      byType.forEach((type, days) -> days.forEach((day, ids) -> visitor.visit(type, day, ids)));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The sum of the sets' Roaring serialized sizes: what they hold, near their heap size. */
  public long serializedSizeInBytes() {
    long[] bytes = {0};
    forEachDay((type, day, ids) -> bytes[0] += ids.serializedSizeInBytes());
    return bytes[0];
  }

  /** About what the tallies (counts and sums per customer and day) hold on the heap, in bytes. */
  public long tallyBytes() {
    lock.readLock().lock();
    try {
      long bytes = seen.getLongSizeInBytes();
      for (NavigableMap<Integer, DayTally> days : tallies.values()) {
        for (DayTally day : days.values()) {
          bytes += day.bytes();
        }
      }
      return bytes;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** About what the summaries of earlier events hold on the heap, in bytes. */
  public long earlierBytes() {
    lock.readLock().lock();
    try {
      return earlier.values().stream().mapToLong(EarlierEvents::bytes).sum();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** About what the kept events (ids and property columns) hold on the heap, in bytes. */
  public long eventBytes() {
    lock.readLock().lock();
    try {
      long bytes = 0;
      for (NavigableMap<Integer, DayEvents> days : events.values()) {
        for (DayEvents day : days.values()) {
          bytes += day.bytes();
        }
      }
      return bytes;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** How many (type, day) sets are kept. */
  public int sets() {
    int[] sets = {0};
    forEachDay((type, day, ids) -> sets[0]++);
    return sets[0];
  }

  /**
   * Whether {@code a} was not added before (by event id; an event without one always is new), and
   * marks it added.
   */
  private boolean firstTime(Activity a) {
    if (a.eventId() < 0) {
      return true;
    }
    if (seen.contains(a.eventId())) {
      return false; // a repeat: a backfill page overlapping live updates
    }
    seen.addLong(a.eventId());
    return true;
  }

  private void addLocked(Activity a) {
    if (!firstTime(a)) {
      return;
    }
    int id = resolve(a.storedId());
    if (id >= 0) {
      byType
          .computeIfAbsent(a.type(), t -> new TreeMap<>())
          .computeIfAbsent(a.day(), d -> new RoaringBitmap())
          .add(id);
      tally(a.type(), a.day()).add(id, 1, a.amountCents() == NO_AMOUNT ? 0 : a.amountCents());
      if (a.properties() != null) {
        events
            .computeIfAbsent(a.type(), t -> new TreeMap<>())
            .computeIfAbsent(a.day(), DayEvents::new)
            .add(id, a.properties());
      }
    }
  }

  private DayTally tally(String type, int day) {
    return tallies
        .computeIfAbsent(type, t -> new TreeMap<>())
        .computeIfAbsent(day, d -> new DayTally());
  }

  /** Where adds of {@code storedId} go: itself, the id it was moved to, or -1 when forgotten. */
  private int resolve(int storedId) {
    int id = storedId;
    // merges never form a cycle (a merged id is deleted, ids are never reused); bounded all the
    // same
    for (int hops = 0; hops <= movedTo.size(); hops++) {
      if (forgotten.contains(id)) {
        return -1;
      }
      Integer next = movedTo.get(id);
      if (next == null) {
        return id;
      }
      id = next;
    }
    return -1;
  }

  /** Removes {@code storedId} from every day, adding {@code replacement} where it was (if >= 0). */
  private int removeEverywhere(int storedId, int replacement) {
    int held = 0;
    for (EarlierEvents before : earlier.values()) {
      EarlierEvents.Summary taken = before.remove(storedId);
      if (replacement >= 0) {
        before.add(replacement, taken.count(), taken.cents(), taken.first(), taken.last());
      }
    }
    for (Map.Entry<String, NavigableMap<Integer, RoaringBitmap>> type : byType.entrySet()) {
      for (Map.Entry<Integer, RoaringBitmap> day : type.getValue().entrySet()) {
        RoaringBitmap ids = day.getValue();
        if (ids.checkedRemove(storedId)) {
          held++;
          DayTally tally = tally(type.getKey(), day.getKey());
          DayTally.Taken taken = tally.remove(storedId);
          if (replacement >= 0) {
            ids.add(replacement);
            if (taken.count() > 0) {
              tally.add(replacement, taken.count(), taken.cents());
            }
          }
          DayEvents kept = events.getOrDefault(type.getKey(), EMPTY).get(day.getKey());
          if (kept != null) {
            if (replacement >= 0) {
              kept.replace(storedId, replacement);
            } else {
              kept.remove(storedId);
            }
          }
        }
      }
    }
    return held;
  }

  private static final NavigableMap<Integer, DayEvents> EMPTY = new TreeMap<>();
  private static final NavigableMap<Integer, DayTally> EMPTY_TALLIES = new TreeMap<>();
  private static final NavigableMap<Integer, RoaringBitmap> EMPTY_SETS = new TreeMap<>();

  private static void checkId(int storedId) {
    if (storedId < 0) {
      throw new IllegalArgumentException("stored ids are non-negative: " + storedId);
    }
  }
}
