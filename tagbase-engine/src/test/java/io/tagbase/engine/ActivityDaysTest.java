package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roaringbitmap.RoaringBitmap;

/**
 * Per-day activity against a brute-force scan of the events it was fed, on seeded random events:
 * unions over windows, repeats, out-of-order days, forgotten (erased) and moved (merged) ids, and
 * dropping old days.
 */
class ActivityDaysTest {
  private static final String[] TYPES = {"order", "view", "refund"};

  /** An event as the reference keeps it: who, what, which day. */
  private record Event(int storedId, String type, int day) {}

  private static List<Event> randomEvents(Random random, int count, int customers, int days) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // a few customers beyond one 65,536-id container, skewed towards the first
      int storedId =
          random.nextInt(10) == 0 ? 65_000 + random.nextInt(2_000) : random.nextInt(customers);
      events.add(
          new Event(storedId, TYPES[random.nextInt(TYPES.length)], 20_000 + random.nextInt(days)));
    }
    return events;
  }

  private static Set<Integer> bruteForce(List<Event> events, String type, int from, int to) {
    Set<Integer> ids = new TreeSet<>();
    for (Event e : events) {
      if (e.type().equals(type) && e.day() >= from && e.day() < to) {
        ids.add(e.storedId());
      }
    }
    return ids;
  }

  private static Set<Integer> asSet(RoaringBitmap bits) {
    Set<Integer> ids = new TreeSet<>();
    bits.forEach((org.roaringbitmap.IntConsumer) ids::add);
    return ids;
  }

  private static ActivityDays fed(List<Event> events, int batch) {
    ActivityDays days = new ActivityDays();
    for (int from = 0; from < events.size(); from += batch) {
      List<ActivityDays.Activity> part = new ArrayList<>();
      for (Event e : events.subList(from, Math.min(events.size(), from + batch))) {
        part.add(new ActivityDays.Activity(e.type(), e.day(), e.storedId()));
      }
      days.addAll(part);
    }
    return days;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42, 2026})
  void unionOverAnyWindowEqualsBruteForce(long seed) {
    Random random = new Random(seed);
    List<Event> events = randomEvents(random, 5_000, 3_000, 40);
    ActivityDays days = fed(events, 1 + random.nextInt(700));

    for (int trial = 0; trial < 60; trial++) {
      String type = TYPES[random.nextInt(TYPES.length)];
      int from = 19_995 + random.nextInt(50);
      int to = from + random.nextInt(45);
      assertThat(asSet(days.union(type, from, to)))
          .as("%s [%d, %d)", type, from, to)
          .isEqualTo(bruteForce(events, type, from, to));
    }
  }

  @Test
  void anUnknownTypeOrAnEmptyWindowHasNobody() {
    ActivityDays days = new ActivityDays();
    days.add("order", 100, 5);
    assertThat(days.union("view", 0, 1_000).isEmpty()).isTrue();
    assertThat(days.union("order", 101, 101).isEmpty()).isTrue();
    assertThat(days.union("order", 101, 100).isEmpty()).isTrue();
  }

  @Test
  void theUnionIsACopy() {
    ActivityDays days = new ActivityDays();
    days.add("order", 100, 5);
    RoaringBitmap union = days.union("order", 100, 101);
    union.add(6);
    assertThat(days.union("order", 100, 101).toArray()).containsExactly(5);
  }

  @Test
  void repeatsAndReplaysChangeNothing() {
    Random random = new Random(3);
    List<Event> events = randomEvents(random, 3_000, 2_000, 10);
    ActivityDays once = fed(events, 500);
    ActivityDays twice = fed(events, 500);
    List<ActivityDays.Activity> replay = new ArrayList<>();
    for (Event e : events) {
      replay.add(new ActivityDays.Activity(e.type(), e.day(), e.storedId()));
    }
    twice.addAll(replay); // a backfill overlapping live updates
    for (String type : TYPES) {
      assertThat(twice.union(type, 0, 30_000)).isEqualTo(once.union(type, 0, 30_000));
    }
    assertThat(twice.serializedSizeInBytes()).isEqualTo(once.serializedSizeInBytes());
  }

  @Test
  void aForgottenIdLeavesEveryDayAndIsNeverAddedAgain() {
    Random random = new Random(11);
    List<Event> events = randomEvents(random, 4_000, 1_000, 20);
    ActivityDays days = fed(events, 300);
    int erased = events.get(0).storedId();
    long daysHeld =
        events.stream()
            .filter(e -> e.storedId() == erased)
            .map(e -> e.type() + e.day())
            .distinct()
            .count();

    assertThat(days.forget(erased)).isEqualTo((int) daysHeld);
    days.add(events.get(0).type(), events.get(0).day(), erased); // a late backfill page
    days.addAll(List.of(new ActivityDays.Activity("order", 20_001, erased)));

    List<Event> kept = events.stream().filter(e -> e.storedId() != erased).toList();
    for (String type : TYPES) {
      assertThat(asSet(days.union(type, 0, 30_000))).isEqualTo(bruteForce(kept, type, 0, 30_000));
    }
    days.forEachDay((type, day, ids) -> assertThat(ids.contains(erased)).isFalse());
  }

  @Test
  void aMovedIdsDaysBecomeTheKeptIdsAndLaterAddsFollow() {
    Random random = new Random(17);
    List<Event> events = randomEvents(random, 4_000, 1_000, 20);
    ActivityDays days = fed(events, 300);
    int merged = events.get(0).storedId();
    int kept = events.get(1).storedId() == merged ? merged + 1 : events.get(1).storedId();

    days.move(merged, kept);
    days.add("order", 20_003, merged); // an event read before the merge, applied after it

    List<Event> expected = new ArrayList<>();
    for (Event e : events) {
      expected.add(e.storedId() == merged ? new Event(kept, e.type(), e.day()) : e);
    }
    expected.add(new Event(kept, "order", 20_003));
    for (String type : TYPES) {
      assertThat(asSet(days.union(type, 0, 30_000)))
          .isEqualTo(bruteForce(expected, type, 0, 30_000));
    }
  }

  @Test
  void aMoveIntoAForgottenIdForgetsTheDays() {
    ActivityDays days = new ActivityDays();
    days.add("order", 10, 1);
    days.forget(2);
    days.move(1, 2);
    days.add("order", 11, 1);
    assertThat(days.union("order", 0, 100).isEmpty()).isTrue();
  }

  @Test
  void droppingKeepsTheDaysFromTheBoundaryOn() {
    Random random = new Random(23);
    List<Event> events = randomEvents(random, 3_000, 2_000, 30);
    ActivityDays days = fed(events, 1_000);
    Set<String> before = new HashSet<>();
    days.forEachDay((type, day, ids) -> before.add(type + "@" + day));

    int dropped = days.dropBefore(20_010);

    Set<String> after = new HashSet<>();
    days.forEachDay((type, day, ids) -> after.add(type + "@" + day));
    assertThat(dropped).isEqualTo(before.size() - after.size());
    assertThat(after)
        .allMatch(key -> Integer.parseInt(key.substring(key.indexOf('@') + 1)) >= 20_010);
    for (String type : TYPES) {
      assertThat(asSet(days.union(type, 0, 30_000)))
          .isEqualTo(bruteForce(events, type, 20_010, 30_000));
    }
  }

  @Test
  void sizeIsTheSumOfTheDaysSerializedSizes() {
    Random random = new Random(29);
    ActivityDays days = fed(randomEvents(random, 2_000, 100_000, 5), 400);
    long[] sum = {0};
    Map<String, Integer> sets = new HashMap<>();
    days.forEachDay(
        (type, day, ids) -> {
          sum[0] += ids.serializedSizeInBytes();
          sets.merge(type, 1, Integer::sum);
        });
    assertThat(days.serializedSizeInBytes()).isEqualTo(sum[0]).isPositive();
    assertThat(days.sets()).isEqualTo(sets.values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void negativeIdsAreRefused() {
    ActivityDays days = new ActivityDays();
    assertThatThrownBy(() -> days.add("order", 1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readersSeeEveryAddOnceWritersAreDone() throws Exception {
    // one writer per type, readers unioning meanwhile: no lost update, no reader failure
    ActivityDays days = new ActivityDays();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> work = new ArrayList<>();
    for (String type : List.of("order", "view")) {
      work.add(
          pool.submit(
              () -> {
                start.await();
                for (int id = 0; id < 20_000; id++) {
                  days.add(type, id % 7, id);
                }
                return null;
              }));
    }
    for (int r = 0; r < 2; r++) {
      work.add(
          pool.submit(
              () -> {
                start.await();
                long last = 0;
                for (int i = 0; i < 200; i++) {
                  long now = days.union("order", 0, 7).getLongCardinality();
                  assertThat(now).isGreaterThanOrEqualTo(last); // only ever grows
                  last = now;
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : work) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(days.union("order", 0, 7).getLongCardinality()).isEqualTo(20_000);
    assertThat(days.union("view", 0, 7).getLongCardinality()).isEqualTo(20_000);
  }
}
