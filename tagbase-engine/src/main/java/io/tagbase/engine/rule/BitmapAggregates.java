package io.tagbase.engine.rule;

import java.util.Arrays;

/**
 * An aggregate for every customer at once, from one pass over its event type's rows into primitive
 * arrays indexed by customer id (no object per customer), then one pass over the ids. Distinct
 * counts keep a set per customer. Results equal {@link Accumulator}'s, sums added in log order.
 */
final class BitmapAggregates {
  private final RuleData data;
  private final int today;

  BitmapAggregates(RuleData data, int today) {
    this.data = data;
    this.today = today;
  }

  /** The aggregate per customer id (NaN: missing), for ids below the dictionary's capacity. */
  double[] compute(CompiledAggregate agg) {
    return switch (agg.fn) {
      case COUNT -> count(agg);
      case SUM, AVG, MIN, MAX -> values(agg);
      case FIRST, LAST, DAYS_SINCE_FIRST, DAYS_SINCE_LAST -> days(agg);
      case DISTINCT -> distinct(agg);
    };
  }

  private double[] count(CompiledAggregate agg) {
    int capacity = data.customers().capacity();
    double[] counts = new double[capacity];
    EventLog log = data.events();
    EventView.Row cursor = new EventView.Row(log);
    for (int row : log.rows(agg.event)) {
      int customer = log.customer(row);
      cursor.row = row;
      if (customer < capacity && agg.accepts(log.epochDay(row), cursor)) {
        counts[customer]++;
      }
    }
    return counts;
  }

  private double[] values(CompiledAggregate agg) {
    int capacity = data.customers().capacity();
    double[] result = new double[capacity];
    int[] valued = new int[capacity];
    boolean extreme = agg.fn == AggFn.MIN || agg.fn == AggFn.MAX;
    EventLog log = data.events();
    EventView.Row cursor = new EventView.Row(log);
    for (int row : log.rows(agg.event)) {
      int customer = log.customer(row);
      cursor.row = row;
      if (customer >= capacity || !agg.accepts(log.epochDay(row), cursor)) {
        continue;
      }
      double v = agg.valueOf(cursor);
      if (Double.isNaN(v)) {
        continue;
      }
      if (!extreme || valued[customer] == 0) {
        result[customer] = extreme ? v : result[customer] + v;
      } else {
        result[customer] =
            agg.fn == AggFn.MIN ? Math.min(result[customer], v) : Math.max(result[customer], v);
      }
      valued[customer]++;
    }
    if (agg.fn == AggFn.SUM) {
      return result;
    }
    for (int id = 0; id < capacity; id++) {
      if (valued[id] == 0) {
        result[id] = Double.NaN;
      } else if (agg.fn == AggFn.AVG) {
        result[id] /= valued[id];
      }
    }
    return result;
  }

  private double[] days(CompiledAggregate agg) {
    int capacity = data.customers().capacity();
    boolean first = agg.fn == AggFn.FIRST || agg.fn == AggFn.DAYS_SINCE_FIRST;
    int none = first ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    int[] days = new int[capacity];
    Arrays.fill(days, none);
    EventLog log = data.events();
    EventView.Row cursor = new EventView.Row(log);
    for (int row : log.rows(agg.event)) {
      int customer = log.customer(row);
      int day = log.epochDay(row);
      cursor.row = row;
      if (customer < capacity && agg.accepts(day, cursor)) {
        days[customer] = first ? Math.min(days[customer], day) : Math.max(days[customer], day);
      }
    }
    boolean since = agg.fn == AggFn.DAYS_SINCE_FIRST || agg.fn == AggFn.DAYS_SINCE_LAST;
    double[] result = new double[capacity];
    for (int id = 0; id < capacity; id++) {
      result[id] =
          days[id] == none ? Double.NaN : since ? (double) today - days[id] : (double) days[id];
    }
    return result;
  }

  private double[] distinct(CompiledAggregate agg) {
    int capacity = data.customers().capacity();
    Accumulator[] accs = new Accumulator[capacity];
    EventLog log = data.events();
    EventView.Row cursor = new EventView.Row(log);
    for (int row : log.rows(agg.event)) {
      int customer = log.customer(row);
      int day = log.epochDay(row);
      cursor.row = row;
      if (customer < capacity && agg.accepts(day, cursor)) {
        if (accs[customer] == null) {
          accs[customer] = new Accumulator();
        }
        agg.add(accs[customer], day, cursor);
      }
    }
    double[] values = new double[capacity];
    for (int id = 0; id < capacity; id++) {
      values[id] = accs[id] == null ? 0 : accs[id].result(agg.fn, today);
    }
    return values;
  }
}
