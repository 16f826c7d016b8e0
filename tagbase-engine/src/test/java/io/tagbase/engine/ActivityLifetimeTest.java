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
 * All-time counts, amounts and first and last days ({@link ActivityDays#lifetime}) against a
 * brute-force pass over the events fed, on seeded random events: earlier events summed up, kept
 * days, days leaving the kept ones (folded into the summaries), replays of event ids, erasures and
 * merges.
 */
class ActivityLifetimeTest {
  private static final String[] TYPES = {"order", "view", "login"}; // logins have no amounts
  private static final int CUSTOMERS = 50;

  /** An event as the reference keeps it, with its current owner. */
  private record Event(String type, int day, int owner, long cents) {}

  @Test
  void lifetimeEqualsABruteForcePassThroughFoldsErasuresAndMerges() {
    for (long seed = 1; seed <= 30; seed++) {
      Random random = new Random(seed);
      ActivityDays days = new ActivityDays();
      StoredIds ids = new StoredIds();
      for (int id = 0; id < CUSTOMERS; id++) {
        ids.put(id, id * 2 + 1);
      }
      List<Event> reference = new ArrayList<>();
      Set<Integer> forgotten = new HashSet<>();
      Map<Integer, Integer> movedTo = new HashMap<>();
      List<ActivityDays.Activity> fed = new ArrayList<>();
      int keptFrom = 30;
      for (int step = 0; step < 2_000; step++) {
        int action = random.nextInt(100);
        if (action < 2) {
          int stored = stored(random);
          days.forget(stored);
          forgotten.add(stored);
          reference.removeIf(e -> e.owner() == stored);
        } else if (action < 4) {
          int from = stored(random);
          int to = stored(random);
          if (from != to && !movedTo.containsKey(from) && !movedTo.containsKey(to)) {
            days.move(from, to);
            movedTo.put(from, to);
            int target = ReferenceMerges.resolve(to, forgotten, movedTo);
            List<Event> moved = new ArrayList<>();
            reference.removeIf(e -> e.owner() == from && moved.add(e));
            if (target >= 0) {
              moved.forEach(e -> reference.add(new Event(e.type(), e.day(), target, e.cents())));
            }
          }
        } else if (action < 5 && keptFrom < 50) {
          keptFrom += 1 + random.nextInt(5); // the nightly drop: days leaving are summed up
          days.dropBefore(keptFrom);
        } else if (action < 12 && !fed.isEmpty()) {
          ActivityDays.Activity replay = fed.get(random.nextInt(fed.size()));
          days.addEarlier(List.of(replay)); // a replay goes nowhere, whichever way it comes
          days.addAll(List.of(replay));
        } else {
          int stored = stored(random);
          int day = random.nextInt(60);
          String type = TYPES[random.nextInt(TYPES.length)];
          long cents =
              type.equals("login") || random.nextInt(4) == 0
                  ? ActivityDays.NO_AMOUNT
                  : random.nextInt(50_000);
          ActivityDays.Activity a = new ActivityDays.Activity(type, day, stored, step, cents);
          if (day < keptFrom) {
            days.addEarlier(List.of(a));
          } else {
            days.addAll(List.of(a));
          }
          fed.add(a);
          int owner = ReferenceMerges.resolve(stored, forgotten, movedTo);
          if (owner >= 0) {
            reference.add(new Event(type, day, owner, cents == ActivityDays.NO_AMOUNT ? 0 : cents));
          }
        }
      }
      for (String type : TYPES) {
        for (int before : new int[] {keptFrom, keptFrom + 3, 60}) {
          for (ActivityDays.Lifetime measure : ActivityDays.Lifetime.values()) {
            assertThat(days.lifetime(type, before, ids, CUSTOMERS + 3, measure))
                .as("seed %d, %s before %d, %s", seed, type, before, measure)
                .containsExactly(bruteForce(reference, type, before, ids, measure));
          }
        }
      }
    }
  }

  private static int stored(Random random) {
    return random.nextInt(CUSTOMERS) * 2 + 1;
  }

  private static double[] bruteForce(
      List<Event> events, String type, int before, StoredIds ids, ActivityDays.Lifetime measure) {
    double[] values = new double[CUSTOMERS + 3];
    boolean day = measure == ActivityDays.Lifetime.FIRST || measure == ActivityDays.Lifetime.LAST;
    if (day) {
      java.util.Arrays.fill(values, Double.NaN);
    }
    for (Event e : events) {
      int id = ids.id(e.owner());
      if (!e.type().equals(type) || e.day() >= before || id < 0) {
        continue;
      }
      switch (measure) {
        case COUNT -> values[id]++;
        case AMOUNT -> values[id] += e.cents();
        case FIRST ->
            values[id] = Double.isNaN(values[id]) ? e.day() : Math.min(values[id], e.day());
        case LAST ->
            values[id] = Double.isNaN(values[id]) ? e.day() : Math.max(values[id], e.day());
      }
    }
    if (measure == ActivityDays.Lifetime.AMOUNT) {
      for (int id = 0; id < values.length; id++) {
        values[id] /= 100;
      }
    }
    return values;
  }
}
