package io.tagbase.engine.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Behaviour measures for every customer at once, for scores and stages that need numbers rather
 * than a yes or no: the value of an aggregate (RFM's recency, frequency and monetary), and the days
 * of a customer's first, last and previous qualifying events (lifecycle stages). Arrays are indexed
 * by customer id, sized to the dictionary's capacity. Cost: one pass over the event type's rows
 * plus one pass over the ids. Thread-safe: only reads the data.
 */
public final class Measures {
  /** A day that marks "no such event"; {@code io.tagbase.engine.score.Lifecycle.NONE}. */
  public static final int NONE = Integer.MIN_VALUE;

  /** Per customer: first and last qualifying day, and the latest day before the last one. */
  public record EventDays(int[] first, int[] last, int[] previous) {}

  private Measures() {}

  /** The aggregate operands of a checked rule, in the order they are written. */
  public static List<Operand.Aggregate> aggregates(CheckedRule rule) {
    List<Operand.Aggregate> found = new ArrayList<>();
    collect(rule.rule(), found);
    return found;
  }

  /** The {@code did} clauses of a checked rule, in the order they are written. */
  public static List<Rule.Did> dids(CheckedRule rule) {
    List<Rule.Did> found = new ArrayList<>();
    collectDids(rule.rule(), found);
    return found;
  }

  /**
   * The aggregate's value per customer id as of {@code asOf} (NaN: missing). The aggregate must
   * come from a rule checked against {@code data}'s schema.
   */
  public static double[] compute(Operand.Aggregate aggregate, RuleData data, LocalDate asOf) {
    int today = (int) asOf.toEpochDay();
    return new BitmapAggregates(data, today)
        .compute(CompiledAggregate.of(aggregate, data.schema(), today));
  }

  /**
   * A number per customer id as of {@code asOf} (NaN: missing) from a numeric operand of a checked
   * rule: an aggregate (not a date) or a number attribute.
   */
  public static double[] number(Operand operand, RuleData data, LocalDate asOf) {
    if (operand instanceof Operand.Aggregate aggregate && !aggregate.fn().isDate()) {
      return compute(aggregate, data, asOf);
    }
    if (operand instanceof Operand.Attr attr
        && data.schema()
            .attribute(attr.name())
            .map(f -> f.type() == FieldType.NUMBER)
            .orElse(false)) {
      double[] values = new double[data.customers().capacity()];
      for (int id = 0; id < values.length; id++) {
        Object value = data.get(attr.name(), id);
        values[id] = value instanceof Number n ? n.doubleValue() : Double.NaN;
      }
      return values;
    }
    throw new IllegalArgumentException("not a number per customer: " + operand);
  }

  /**
   * Several aggregates per customer id as of {@code asOf}, in the order given; aggregates over the
   * same events (type, filter, window) share one pass, as RFM's recency, frequency and monetary do.
   */
  public static List<double[]> computeAll(
      List<Operand.Aggregate> aggregates, RuleData data, LocalDate asOf) {
    int today = (int) asOf.toEpochDay();
    return new BitmapAggregates(data, today)
        .computeAll(
            aggregates.stream().map(a -> CompiledAggregate.of(a, data.schema(), today)).toList());
  }

  /** The days of the events a {@code did} clause accepts (type, filter, window), per customer. */
  public static EventDays days(Rule.Did did, RuleData data, LocalDate asOf) {
    int today = (int) asOf.toEpochDay();
    CompiledAggregate agg = CompiledAggregate.of(did, data.schema(), today);
    int capacity = data.customers().capacity();
    int[] first = filled(capacity);
    int[] last = filled(capacity);
    int[] previous = filled(capacity);
    EventRun run = data.events().run(agg.event);
    java.util.function.IntPredicate filter = agg.rowFilter(run);
    for (int i = 0; i < run.size(); i++) {
      int row = run.row(i);
      int customer = run.customer(row);
      int day = run.day(row);
      if (customer >= capacity || !agg.acceptsDay(day) || !filter.test(row)) {
        continue;
      }
      if (first[customer] == NONE || day < first[customer]) {
        first[customer] = day;
      }
      if (day > last[customer]) {
        if (last[customer] != NONE) {
          previous[customer] = last[customer];
        }
        last[customer] = day;
      } else if (day < last[customer] && day > previous[customer]) {
        previous[customer] = day;
      }
    }
    return new EventDays(first, last, previous);
  }

  private static int[] filled(int capacity) {
    int[] days = new int[capacity];
    java.util.Arrays.fill(days, NONE);
    return days;
  }

  private static void collect(Rule rule, List<Operand.Aggregate> found) {
    for (Rule child : children(rule)) {
      collect(child, found);
    }
    if (rule instanceof Rule.Compare c && c.operand() instanceof Operand.Aggregate a) {
      found.add(a);
    }
  }

  private static void collectDids(Rule rule, List<Rule.Did> found) {
    for (Rule child : children(rule)) {
      collectDids(child, found);
    }
    if (rule instanceof Rule.Did did) {
      found.add(did);
    }
  }

  private static List<Rule> children(Rule rule) {
    if (rule instanceof Rule.And and) {
      return and.terms();
    }
    if (rule instanceof Rule.Or or) {
      return or.terms();
    }
    return rule instanceof Rule.Not not ? List.of(not.term()) : List.of();
  }
}
