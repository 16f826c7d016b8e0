package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The events the activity days keep with their properties ({@link DayEvents}) against a brute-force
 * list of the events fed, on seeded random events: replays of event ids, events whose properties
 * are not kept, erasures and merges interleaved with adds, and dropped days. An erased customer's
 * texts leave the days' dictionaries.
 */
class ActivityEventsTest {
  private static final String[] TYPES = {"order", "view"};
  private static final String[] SKUS = {"a", "b", "c"};

  /** An event as the reference keeps it, with its current owner. */
  private record Event(String type, int day, int owner, Map<String, Object> properties) {}

  @Test
  void keptEventsEqualTheEventsFedThroughErasuresMergesAndDrops() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      ActivityDays days = new ActivityDays();
      List<Event> reference = new ArrayList<>();
      Set<Integer> forgotten = new HashSet<>();
      Map<Integer, Integer> movedTo = new HashMap<>();
      List<ActivityDays.Activity> fed = new ArrayList<>();
      int dropped = Integer.MIN_VALUE;
      for (int step = 0; step < 3_000; step++) {
        int action = random.nextInt(100);
        if (action < 2) {
          int id = random.nextInt(60);
          days.forget(id);
          forgotten.add(id);
          reference.removeIf(e -> e.owner() == id);
        } else if (action < 4) {
          int from = random.nextInt(60);
          int to = random.nextInt(60);
          if (from != to && !movedTo.containsKey(from) && !movedTo.containsKey(to)) {
            // a merged-away profile is deleted: never merged again, never merged into
            days.move(from, to);
            movedTo.put(from, to);
            int target = ReferenceMerges.resolve(to, forgotten, movedTo);
            List<Event> moved = new ArrayList<>();
            reference.removeIf(e -> e.owner() == from && moved.add(e));
            if (target >= 0) {
              moved.forEach(
                  e -> reference.add(new Event(e.type(), e.day(), target, e.properties())));
            }
          }
        } else if (action < 5) {
          int day = 20 + random.nextInt(10);
          days.dropEventsBefore(day);
          dropped = Math.max(dropped, day);
          int cut = dropped;
          reference.removeIf(e -> e.day() < cut);
        } else if (action < 15 && !fed.isEmpty()) {
          days.addAll(List.of(fed.get(random.nextInt(fed.size())))); // a replay: ignored
        } else {
          int id = random.nextInt(60);
          int day = 15 + random.nextInt(30);
          String type = TYPES[random.nextInt(TYPES.length)];
          boolean kept = day >= dropped && random.nextInt(10) > 0;
          Map<String, Object> properties = kept ? properties(random, step) : null;
          ActivityDays.Activity a =
              new ActivityDays.Activity(type, day, id, step, ActivityDays.NO_AMOUNT, properties);
          days.addAll(List.of(a));
          fed.add(a);
          int owner = ReferenceMerges.resolve(id, forgotten, movedTo);
          if (kept && owner >= 0) {
            reference.add(new Event(type, day, owner, properties));
          }
        }
        if (step % 500 == 499) {
          days.trim();
        }
      }
      for (String type : TYPES) {
        assertThat(read(days, type, 0, 100))
            .as("seed %d, %s", seed, type)
            .containsExactlyInAnyOrderElementsOf(
                reference.stream().filter(e -> e.type().equals(type)).toList());
        assertThat(read(days, type, 25, 31))
            .containsExactlyInAnyOrderElementsOf(
                reference.stream()
                    .filter(e -> e.type().equals(type) && e.day() >= 25 && e.day() < 31)
                    .toList());
      }
      assertThat(days.eventBytes()).isPositive();
    }
  }

  @Test
  void anErasedCustomersTextsLeaveTheDictionaries() {
    ActivityDays days = new ActivityDays();
    days.addAll(
        List.of(
            new ActivityDays.Activity(
                "order", 5, 1, 1, ActivityDays.NO_AMOUNT, Map.of("note", "only mine", "n", 1)),
            new ActivityDays.Activity(
                "order", 5, 2, 2, ActivityDays.NO_AMOUNT, Map.of("note", "shared")),
            new ActivityDays.Activity(
                "order", 5, 1, 3, ActivityDays.NO_AMOUNT, Map.of("note", "shared"))));
    days.forget(1);
    days.events(
        "order",
        5,
        6,
        list -> {
          DayEvents day = list.get(0);
          assertThat(day.size()).isOne();
          assertThat(day.textCount("note")).isOne();
          assertThat(day.text("note", 0)).isEqualTo("shared");
          assertThat(day.numbers("n")).as("a number only the erased had").isNull();
          return null;
        });
  }

  private static Map<String, Object> properties(Random random, int step) {
    Map<String, Object> p = new HashMap<>();
    if (random.nextBoolean()) {
      p.put("sku", SKUS[random.nextInt(SKUS.length)]);
    }
    if (random.nextBoolean()) {
      p.put("order_id", "o-" + step); // unique: a dictionary entry per event
    }
    if (random.nextBoolean()) {
      p.put("amount", random.nextInt(10_000) / 100.0);
    }
    if (random.nextInt(4) == 0) {
      p.put("coupon", random.nextBoolean());
    }
    return p;
  }

  /** Every kept event of {@code type} in {@code [from, to)}, read back as the reference has it. */
  private static List<Event> read(ActivityDays days, String type, int from, int to) {
    return days.events(
        type,
        from,
        to,
        list -> {
          List<Event> events = new ArrayList<>();
          for (DayEvents day : list) {
            for (int row = 0; row < day.size(); row++) {
              Map<String, Object> p = new HashMap<>();
              for (String name : List.of("amount", "coupon")) {
                double[] numbers = day.numbers(name);
                if (numbers != null && !Double.isNaN(numbers[row])) {
                  p.put(name, name.equals("coupon") ? (Object) (numbers[row] == 1) : numbers[row]);
                }
              }
              for (String name : List.of("sku", "order_id")) {
                int[] codes = day.texts(name);
                if (codes != null && codes[row] != 0) {
                  p.put(name, day.text(name, codes[row] - 1));
                }
              }
              events.add(new Event(type, day.day(), day.storedId(row), p));
            }
          }
          return events;
        });
  }
}
