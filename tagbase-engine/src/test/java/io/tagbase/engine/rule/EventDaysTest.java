package io.tagbase.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.engine.TagBitmap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code did} clauses answered from day sets give what the event log gives, on seeded random
 * worlds; clauses the days cannot answer (a filter, all time, an aggregate, days not held) are
 * recognised.
 */
class EventDaysTest {

  /** Day sets built by brute force from the world's events, holding days from {@code first}. */
  static final class Days implements EventDays {
    final Map<String, Map<Integer, TreeSet<Integer>>> byType = new HashMap<>();
    final int first;
    final RuleWorld world;
    int asked;
    int tallied;
    boolean allTime; // whether all time is summed up
    int lifetimes;

    Days(RuleWorld world, int first) {
      this.first = first;
      this.world = world;
      for (RuleWorld.Customer c : world.customers) {
        for (RuleWorld.Ev e : c.events()) {
          if (e.day() >= first) {
            byType
                .computeIfAbsent(e.type(), t -> new HashMap<>())
                .computeIfAbsent(e.day(), d -> new TreeSet<>())
                .add(c.id());
          }
        }
      }
    }

    @Override
    public boolean covers(int fromDay, int toDay) {
      return fromDay >= first;
    }

    @Override
    public TagBitmap did(String type, int fromDay, int toDay) {
      asked++;
      TreeSet<Integer> ids = new TreeSet<>();
      byType
          .getOrDefault(type, Map.of())
          .forEach(
              (day, who) -> {
                if (day >= fromDay && day <= toDay) {
                  ids.addAll(who);
                }
              });
      return TagBitmap.of(ids.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public boolean coversAllTime(int toDay) {
      return allTime;
    }

    @Override
    public double[] lifetime(AggFn fn, String type, int toDay, int capacity) {
      lifetimes++;
      double[] values = new double[capacity];
      boolean day = fn == AggFn.FIRST || fn == AggFn.LAST;
      if (day) {
        java.util.Arrays.fill(values, Double.NaN);
      }
      for (RuleWorld.Customer c : world.customers) {
        for (RuleWorld.Ev e : c.events()) {
          if (!e.type().equals(type) || e.day() > toDay) {
            continue;
          }
          double v = values[c.id()];
          Object amount = e.props().get(EventDays.AMOUNT);
          values[c.id()] =
              switch (fn) {
                case COUNT -> v + 1;
                case SUM -> v + (amount == null ? 0 : (Double) amount);
                case FIRST -> Double.isNaN(v) ? e.day() : Math.min(v, e.day());
                default -> Double.isNaN(v) ? e.day() : Math.max(v, e.day());
              };
        }
      }
      return values;
    }

    @Override
    public double[] tally(AggFn fn, String type, int fromDay, int toDay, int capacity) {
      tallied++;
      double[] values = new double[capacity];
      for (RuleWorld.Customer c : world.customers) {
        for (RuleWorld.Ev e : c.events()) {
          if (e.type().equals(type) && e.day() >= fromDay && e.day() <= toDay) {
            Object amount = e.props().get(EventDays.AMOUNT);
            values[c.id()] += fn == AggFn.COUNT ? 1 : amount == null ? 0 : (Double) amount;
          }
        }
      }
      return values;
    }
  }

  @Test
  void didClausesFromDaySetsEqualTheEventLog() {
    int today = (int) RuleWorld.DAY0.toEpochDay();
    for (long seed = 1; seed <= 20; seed++) {
      RuleWorld world = new RuleWorld(seed, 300);
      Days days = new Days(world, today - 60);
      RuleData fromDays =
          new RuleData(
                  RuleWorld.SCHEMA,
                  world.data.customers(),
                  world.data.tags(),
                  new EventLog()) // empty: every answer must come from the days
              .eventDays(days);
      world.customers.forEach(c -> c.attrs().forEach((k, v) -> fromDays.set(k, c.id(), v)));
      Random random = new Random(seed);
      RandomRules rules = new RandomRules(seed);
      int answered = 0;
      for (int trial = 0; trial < 200; trial++) {
        Rule rule =
            switch (trial % 3) {
              case 0 -> didRule(random);
              case 1 -> tallyRule(random);
              default -> rules.rule(3);
            };
        CheckedRule checked;
        try {
          checked = RuleChecker.check(rule, RuleWorld.SCHEMA);
        } catch (RuntimeException invalid) {
          continue;
        }
        if (!EventDays.answersAll(checked.rule(), today, days)) {
          continue;
        }
        answered++;
        BitmapPlan plan = BitmapPlan.compile(checked);
        LocalDate asOf = RuleWorld.DAY0;
        assertThat(plan.evaluate(fromDays, asOf).toArray())
            .as("seed %d: %s", seed, RuleText.print(checked.rule()))
            .isEqualTo(plan.evaluate(world.data, asOf).toArray());
      }
      assertThat(answered).as("rules answered from the days").isGreaterThan(80);
      assertThat(days.asked).isPositive();
      assertThat(days.tallied).isPositive();
    }
  }

  @Test
  void allTimeClausesFromLifetimeSummariesEqualTheEventLog() {
    int today = (int) RuleWorld.DAY0.toEpochDay();
    for (long seed = 1; seed <= 20; seed++) {
      RuleWorld world = new RuleWorld(seed, 300);
      Days days = new Days(world, today - 60);
      days.allTime = true;
      RuleData fromDays =
          new RuleData(RuleWorld.SCHEMA, world.data.customers(), world.data.tags(), new EventLog())
              .eventDays(days);
      world.customers.forEach(c -> c.attrs().forEach((k, v) -> fromDays.set(k, c.id(), v)));
      Random random = new Random(seed);
      for (int trial = 0; trial < 60; trial++) {
        CheckedRule checked = RuleChecker.check(lifetimeRule(random, today), RuleWorld.SCHEMA);
        assertThat(EventDays.answersAll(checked.rule(), today, days)).isTrue();
        BitmapPlan plan = BitmapPlan.compile(checked);
        assertThat(plan.evaluate(fromDays, RuleWorld.DAY0).toArray())
            .as("seed %d: %s", seed, RuleText.print(checked.rule()))
            .isEqualTo(plan.evaluate(world.data, RuleWorld.DAY0).toArray());
      }
      assertThat(days.lifetimes).isPositive();
    }
  }

  /** All-time counts, amount sums, first and last days, days since and dids, with a tag. */
  private static Rule lifetimeRule(Random random, int today) {
    String type = random.nextBoolean() ? "order" : "visit";
    Rule clause;
    int kind = random.nextInt(6);
    if (kind == 0) {
      clause = new Rule.Did(type, null, null);
    } else {
      AggFn fn =
          List.of(AggFn.COUNT, AggFn.SUM, AggFn.FIRST, AggFn.LAST, AggFn.DAYS_SINCE_LAST)
              .get(kind - 1);
      if (fn == AggFn.SUM) {
        type = "order";
      }
      if (random.nextInt(4) == 0 && fn == AggFn.DAYS_SINCE_LAST) {
        fn = AggFn.DAYS_SINCE_FIRST;
      }
      Operand agg =
          new Operand.Aggregate(
              fn, type, fn == AggFn.SUM ? new Expr.Prop(EventDays.AMOUNT) : null, null, null);
      Op op = List.of(Op.GE, Op.GT, Op.LT, Op.LE, Op.EQ).get(random.nextInt(5));
      Value value =
          fn.isDate()
              ? new Value.RelDate(-random.nextInt(120))
              : new Value.Num(
                  java.math.BigDecimal.valueOf(
                      random.nextInt(fn == AggFn.SUM ? 120 : 90) / (fn == AggFn.COUNT ? 15 : 1)));
      clause =
          random.nextInt(8) == 0
              ? new Rule.Compare(agg, random.nextBoolean() ? Op.EXISTS : Op.MISSING, List.of())
              : new Rule.Compare(agg, op, List.of(value));
    }
    if (random.nextInt(4) == 0) {
      clause = new Rule.Not(clause);
    }
    return random.nextBoolean() ? clause : new Rule.And(List.of(clause, new Rule.HasTag("vip")));
  }

  @Test
  void clausesTheDaysCannotAnswerAreRecognised() {
    int today = (int) RuleWorld.DAY0.toEpochDay();
    EventDays days = new Days(new RuleWorld(7, 10), today - 29);
    assertThat(answers("did order in last 30 days", today, days)).isTrue();
    assertThat(answers("did not visit in last 7 days and has tag vip", today, days)).isTrue();
    assertThat(answers("did order in last 31 days", today, days)).as("a day not held").isFalse();
    assertThat(answers("did order", today, days)).as("all time").isFalse();
    assertThat(answers("did order where country = \"UK\" in last 7 days", today, days))
        .as("a filter")
        .isFalse();
    assertThat(answers("count(order, last 7 days) >= 2", today, days)).isTrue();
    assertThat(
            answers(
                "sum(order, amount, last 30 days) > 100 and did visit in last 3 days", today, days))
        .isTrue();
    assertThat(answers("count(order, last 31 days) >= 2", today, days))
        .as("a day not held")
        .isFalse();
    assertThat(answers("count(order) >= 2", today, days)).as("all time").isFalse();
    assertThat(answers("count(order where country = \"UK\", last 7 days) >= 2", today, days))
        .as("a filter")
        .isFalse();
    assertThat(answers("sum(order, quantity, last 7 days) > 2", today, days))
        .as("a sum of another property")
        .isFalse();
    assertThat(answers("avg(order, amount, last 7 days) > 2", today, days))
        .as("an average")
        .isFalse();
    assertThat(answers("days since last(order) > 2", today, days)).as("a day").isFalse();
    assertThat(answers("city = \"上海\" or has tag vip", today, days)).as("no events").isTrue();
    assertThat(EventDays.answersAll(RuleText.parse("did order in last 7 days"), today, null))
        .isFalse();
  }

  private static boolean answers(String text, int today, EventDays days) {
    return EventDays.answersAll(RuleChecker.check(text, RuleWorld.SCHEMA).rule(), today, days);
  }

  /** Counts and sums of the amount over a recent window, with a did or a tag around them. */
  private static Rule tallyRule(Random random) {
    List<Rule> terms = new ArrayList<>();
    for (int i = 1 + random.nextInt(2); i > 0; i--) {
      boolean count = random.nextBoolean();
      String type = count && random.nextInt(3) == 0 ? "visit" : "order";
      Window window =
          random.nextInt(5) == 0
              ? new Window.After(new Value.RelDate(-random.nextInt(50)))
              : new Window.Last(1 + random.nextInt(60));
      Operand agg =
          new Operand.Aggregate(
              count ? AggFn.COUNT : AggFn.SUM,
              type,
              count ? null : new Expr.Prop(EventDays.AMOUNT),
              null,
              window);
      Op op = List.of(Op.GE, Op.GT, Op.LT, Op.LE, Op.EQ).get(random.nextInt(5));
      int threshold = count ? random.nextInt(4) : random.nextInt(120);
      Rule clause =
          new Rule.Compare(
              agg, op, List.of(new Value.Num(java.math.BigDecimal.valueOf(threshold))));
      terms.add(random.nextInt(4) == 0 ? new Rule.Not(clause) : clause);
    }
    if (random.nextBoolean()) {
      terms.add(random.nextBoolean() ? new Rule.HasTag("vip") : didRule(random));
    }
    return terms.size() == 1
        ? terms.get(0)
        : random.nextBoolean() ? new Rule.And(terms) : new Rule.Or(terms);
  }

  /** did / did not over a recent window, with tags and attributes around them. */
  private static Rule didRule(Random random) {
    List<Rule> terms = new ArrayList<>();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      Rule did =
          new Rule.Did(
              random.nextBoolean() ? "order" : "visit",
              null,
              random.nextInt(5) == 0
                  ? new Window.After(new Value.RelDate(-random.nextInt(50)))
                  : new Window.Last(1 + random.nextInt(60)));
      terms.add(random.nextInt(3) == 0 ? new Rule.Not(did) : did);
    }
    if (random.nextBoolean()) {
      terms.add(new Rule.HasTag("vip"));
    }
    return terms.size() == 1
        ? terms.get(0)
        : random.nextBoolean() ? new Rule.And(terms) : new Rule.Or(terms);
  }
}
