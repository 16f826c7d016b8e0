package io.tagbase.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.engine.ActivityDays;
import io.tagbase.engine.StoredIds;
import io.tagbase.engine.TagBitmap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Any event clause over days whose events are held in memory ({@link ActivityDays} with properties,
 * read as {@link EventRun}s) gives what the event log gives: filters, every aggregate, distinct
 * texts, on seeded random worlds and rules, on one thread and on two.
 */
class HeldEventsTest {
  private static final LocalDate AS_OF = RuleWorld.DAY0;
  private static final int TODAY = (int) AS_OF.toEpochDay();

  /** The world's events from {@code first} on, kept as the server keeps them, by stored ids. */
  static final class Held implements EventDays {
    final ActivityDays activity = new ActivityDays();
    final StoredIds ids = new StoredIds();
    final int first;
    int read;

    Held(RuleWorld world, int first) {
      this.first = first;
      world.customers.forEach(c -> ids.put(c.id(), stored(c.id())));
      List<ActivityDays.Activity> batch = new ArrayList<>();
      long eventId = 0;
      for (RuleWorld.Customer c : world.customers) {
        for (RuleWorld.Ev e : c.events()) {
          if (e.day() >= first) {
            batch.add(
                new ActivityDays.Activity(
                    e.type(), e.day(), stored(c.id()), eventId, ActivityDays.NO_AMOUNT, e.props()));
          }
          eventId++;
        }
      }
      activity.addAll(batch);
      activity.trim();
    }

    static int stored(int id) {
      return id * 3 + 7; // never the dictionary's own numbers: every run really translates
    }

    @Override
    public boolean covers(int fromDay, int toDay) {
      return false; // neither sets nor tallies: every clause reads the held events
    }

    @Override
    public TagBitmap did(String type, int fromDay, int toDay) {
      throw new AssertionError("not covered");
    }

    @Override
    public double[] tally(AggFn fn, String type, int fromDay, int toDay, int capacity) {
      throw new AssertionError("not covered");
    }

    @Override
    public boolean holdsEvents(int fromDay, int toDay) {
      return fromDay >= first;
    }

    @Override
    public <T> T events(String type, int fromDay, int toDay, Function<List<EventRun>, T> work) {
      read++;
      return activity.events(
          type,
          fromDay,
          toDay + 1,
          days -> work.apply(days.stream().map(d -> EventRun.of(d, ids::id)).toList()));
    }
  }

  @Test
  void randomRulesOverHeldEventsEqualTheEventLog() {
    int answered = 0;
    for (long seed = 1; seed <= 20; seed++) {
      RuleWorld world = new RuleWorld(seed, 300);
      Held held = new Held(world, TODAY - 90);
      RuleData fromHeld = heldData(world, held);
      RandomRules rules = new RandomRules(seed);
      for (int trial = 0; trial < 300; trial++) {
        CheckedRule checked;
        try {
          checked = RuleChecker.check(rules.rule(3), RuleWorld.SCHEMA);
        } catch (RuntimeException invalid) {
          continue;
        }
        if (checked.events().isEmpty() || !EventDays.answersAll(checked.rule(), TODAY, held)) {
          continue;
        }
        answered++;
        BitmapPlan plan = BitmapPlan.compile(checked);
        assertThat(plan.evaluate(fromHeld, AS_OF).toArray())
            .as("seed %d: %s", seed, RuleText.print(checked.rule()))
            .isEqualTo(plan.evaluate(world.data, AS_OF).toArray());
      }
      assertThat(held.read).as("seed %d read the held events", seed).isPositive();
    }
    assertThat(answered).as("rules answered from held events").isGreaterThan(300);
  }

  @Test
  void everyAggregateOverHeldEventsEqualsTheLogOnTwoThreads() {
    for (long seed = 1; seed <= 10; seed++) {
      RuleWorld world = new RuleWorld(seed, 300);
      Held held = new Held(world, TODAY - 90);
      CheckedRule rule =
          RuleChecker.check(
              "days since last(order where quantity > 1, last 60 days) exists"
                  + " and distinct count(order where coupon = true, sku, last 60 days) exists"
                  + " and distinct count(order, quantity, last 60 days) exists"
                  + " and sum(order where country in (\"UK\", \"CN\"), quantity * unit_price,"
                  + " last 30 days) exists"
                  + " and avg(order, unit_price, last 30 days) exists"
                  + " and min(visit where page starts with \"ca\", seconds, last 45 days) exists"
                  + " and max(order where sku missing, unit_price, last 45 days) exists"
                  + " and first(visit, last 80 days) exists"
                  + " and days since first(visit, last 80 days) exists"
                  + " and last(order where not (country = \"US\"), last 80 days) exists"
                  + " and count(visit where page matches \"^(home|pay)$\", last 20 days) exists",
              RuleWorld.SCHEMA);
      List<CompiledAggregate> aggs =
          Measures.aggregates(rule).stream()
              .map(a -> CompiledAggregate.of(a, RuleWorld.SCHEMA, TODAY))
              .toList();
      List<double[]> fromLog = new BitmapAggregates(world.data, TODAY).computeAll(aggs);
      List<double[]> split = new BitmapAggregates(heldData(world, held), TODAY, 0).computeAll(aggs);
      for (int i = 0; i < aggs.size(); i++) {
        assertThat(split.get(i))
            .as("seed %d: %s", seed, Measures.aggregates(rule).get(i))
            .isEqualTo(fromLog.get(i));
      }
      assertThat(held.read).isPositive();
    }
  }

  @Test
  void clausesBeyondTheHeldDaysAreLeftToTheLog() {
    RuleWorld world = new RuleWorld(3, 50);
    Held held = new Held(world, TODAY - 29);
    assertThat(answers("count(order where country = \"UK\", last 30 days) >= 2", held)).isTrue();
    assertThat(answers("did visit where page = \"cart\" in last 7 days", held)).isTrue();
    assertThat(answers("avg(order, unit_price, last 31 days) > 3", held)).isFalse();
    assertThat(answers("days since last(order) < 3", held)).as("all time").isFalse();
    assertThat(answers("count(order, before 2026-02-20) > 1", held)).as("no first day").isFalse();
  }

  private static boolean answers(String text, EventDays days) {
    return EventDays.answersAll(RuleChecker.check(text, RuleWorld.SCHEMA).rule(), TODAY, days);
  }

  /** The world's attributes and tags, no event log: events come only from {@code held}. */
  private static RuleData heldData(RuleWorld world, Held held) {
    RuleData data =
        new RuleData(RuleWorld.SCHEMA, world.data.customers(), world.data.tags(), new EventLog())
            .eventDays(held);
    world.customers.forEach(c -> c.attrs().forEach((k, v) -> data.set(k, c.id(), v)));
    return data;
  }
}
