package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The activity days' tallies (events and amount sums per customer and day) against a brute-force
 * sum over the events fed, on seeded random events: replays of event ids, events without an id or
 * an amount, erasures and merges interleaved with adds, dropped days, customers with hundreds of
 * events a day, and days large enough to compact many times.
 */
class ActivityTalliesTest {
  private static final String[] TYPES = {"order", "view"};

  /** An event as the reference keeps it. */
  private record Event(long eventId, String type, int day, int storedId, long cents) {}

  /** What a window holds for one id: events and cents. */
  private record Sum(long count, long cents) {}

  private static Map<Integer, Sum> tally(ActivityDays days, String type, int from, int to) {
    Map<Integer, Sum> sums = new TreeMap<>();
    days.tally(
        type,
        from,
        to,
        (id, count, cents) -> {
          assertThat(count).isPositive();
          sums.merge(id, new Sum(count, cents), ActivityTalliesTest::plus);
        });
    return sums;
  }

  private static Sum plus(Sum a, Sum b) {
    return new Sum(a.count() + b.count(), a.cents() + b.cents());
  }

  private static Map<Integer, Sum> bruteForce(List<Event> events, String type, int from, int to) {
    Map<Integer, Sum> sums = new TreeMap<>();
    for (Event e : events) {
      if (e.type().equals(type) && e.day() >= from && e.day() < to) {
        long cents = e.cents() == ActivityDays.NO_AMOUNT ? 0 : e.cents();
        sums.merge(e.storedId(), new Sum(1, cents), ActivityTalliesTest::plus);
      }
    }
    return sums;
  }

  private static ActivityDays.Activity activity(Event e) {
    return new ActivityDays.Activity(e.type(), e.day(), e.storedId(), e.eventId(), e.cents());
  }

  private static Event randomEvent(Random random, long eventId, int customers, int days) {
    int storedId =
        random.nextInt(8) == 0 ? 70_000 + random.nextInt(500) : random.nextInt(customers);
    long cents =
        random.nextInt(4) == 0
            ? ActivityDays.NO_AMOUNT
            : random.nextInt(10) == 0 ? -random.nextInt(5_000) : random.nextInt(100_000);
    return new Event(
        eventId, TYPES[random.nextInt(TYPES.length)], 500 + random.nextInt(days), storedId, cents);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 5, 42, 2026, 77_777})
  void windowsEqualBruteForceThroughReplaysErasuresAndMerges(long seed) {
    Random random = new Random(seed);
    int customers = 300 + random.nextInt(3_000);
    ActivityDays days = new ActivityDays();
    List<Event> fed = new ArrayList<>(); // every distinct event, as stored now
    Map<Integer, Integer> movedTo = new HashMap<>();
    java.util.Set<Integer> erased = new java.util.HashSet<>();
    long nextId = 1;
    for (int round = 0; round < 40; round++) {
      List<ActivityDays.Activity> batch = new ArrayList<>();
      int size = random.nextInt(900);
      for (int i = 0; i < size; i++) {
        if (!fed.isEmpty() && random.nextInt(5) == 0) {
          // a replay: a backfill page overlapping live updates, maybe read before a merge
          Event old = fed.get(random.nextInt(fed.size()));
          if (old.eventId() >= 0) { // an event without an id is never taken for a repeat
            batch.add(activity(old));
            continue;
          }
        }
        Event e = randomEvent(random, random.nextInt(20) == 0 ? -1 : nextId++, customers, 30);
        batch.add(activity(e));
        int owner = owner(e.storedId(), movedTo, erased);
        if (owner >= 0) {
          fed.add(new Event(e.eventId(), e.type(), e.day(), owner, e.cents()));
        }
      }
      days.addAll(batch);
      if (random.nextInt(4) == 0) {
        int from = fed.isEmpty() ? 0 : fed.get(random.nextInt(fed.size())).storedId();
        int to = random.nextInt(customers);
        if (random.nextBoolean() && from != to && owner(to, movedTo, erased) == to) {
          days.move(from, to);
          movedTo.put(from, to);
          fed.replaceAll(
              e ->
                  e.storedId() == from
                      ? new Event(e.eventId(), e.type(), e.day(), to, e.cents())
                      : e);
        } else {
          days.forget(from);
          erased.add(from);
          fed.removeIf(e -> e.storedId() == from);
        }
      }
      if (round == 30) {
        days.dropBefore(505);
        fed.removeIf(e -> e.day() < 505);
      }
      if (round % 10 == 9) {
        days.trim();
      }
      for (int trial = 0; trial < 5; trial++) {
        String type = TYPES[random.nextInt(TYPES.length)];
        int from = 495 + random.nextInt(40);
        int to = from + random.nextInt(35);
        assertThat(tally(days, type, from, to))
            .as("seed %d round %d: %s [%d, %d)", seed, round, type, from, to)
            .isEqualTo(bruteForce(fed, type, from, to));
      }
    }
    for (String type : TYPES) {
      assertThat(tally(days, type, 0, 1_000).keySet())
          .as("the tallies and the day sets hold the same customers")
          .containsExactlyElementsOf(asSorted(days.union(type, 0, 1_000)));
    }
  }

  private static int owner(
      int storedId, Map<Integer, Integer> movedTo, java.util.Set<Integer> erased) {
    int id = storedId;
    while (true) {
      if (erased.contains(id)) {
        return -1;
      }
      Integer next = movedTo.get(id);
      if (next == null) {
        return id;
      }
      id = next;
    }
  }

  private static List<Integer> asSorted(org.roaringbitmap.RoaringBitmap bits) {
    List<Integer> ids = new ArrayList<>();
    bits.forEach((org.roaringbitmap.IntConsumer) ids::add);
    return ids;
  }

  @Test
  void aBigDayCompactsManyTimesAndKeepsLargeCounts() {
    Random random = new Random(9);
    ActivityDays days = new ActivityDays();
    List<Event> events = new ArrayList<>();
    for (long id = 0; id < 60_000; id++) {
      // customer 7 has hundreds of orders that day; the rest are spread over 20,000 ids
      int customer = id % 150 == 0 ? 7 : random.nextInt(20_000);
      events.add(new Event(id, "order", 900, customer, 1 + random.nextInt(999)));
    }
    for (int from = 0; from < events.size(); from += 37) {
      days.addAll(
          events.subList(from, Math.min(events.size(), from + 37)).stream()
              .map(ActivityTalliesTest::activity)
              .toList());
    }
    Map<Integer, Sum> expected = bruteForce(events, "order", 900, 901);
    assertThat(expected.get(7).count()).isGreaterThan(255);
    assertThat(tally(days, "order", 900, 901)).isEqualTo(expected);
    days.trim();
    assertThat(tally(days, "order", 900, 901)).isEqualTo(expected);
    assertThat(days.tallyBytes()).isLessThan(20L * expected.size() + 10_000);
  }

  @Test
  void aDayWithoutAmountsSumsToZeroAndKeepsNoCents() {
    ActivityDays days = new ActivityDays();
    for (int id = 0; id < 5_000; id++) {
      days.addAll(List.of(new ActivityDays.Activity("view", 3, id, id, ActivityDays.NO_AMOUNT)));
    }
    days.trim();
    long[] cents = {0};
    days.tally("view", 3, 4, (id, count, sum) -> cents[0] += Math.abs(sum));
    assertThat(cents[0]).isZero();
    assertThat(days.tallyBytes()).isLessThan(6L * 5_000 + 1_000);
  }

  @Test
  void eventsWithoutAnIdAreCountedEachTime() {
    ActivityDays days = new ActivityDays();
    days.add("order", 1, 4);
    days.add("order", 1, 4);
    assertThat(tally(days, "order", 0, 5)).containsExactly(Map.entry(4, new Sum(2, 0)));
  }
}
