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

  /**
   * Distinct non-missing keys per customer without a set per customer: the accepted events' keys
   * are grouped by customer (a counting sort: count, prefix sums, scatter), then each customer's
   * few keys are sorted in place and the runs counted. Cost: O(events) plus a small sort per
   * customer.
   */
  private double[] distinct(CompiledAggregate agg) {
    int capacity = data.customers().capacity();
    EventLog log = data.events();
    EventView.Row cursor = new EventView.Row(log);
    int[] rows = log.rows(agg.event);
    int[] customerOf = new int[rows.length];
    double[] keyOf = new double[rows.length];
    int accepted = 0;
    int[] start = new int[capacity + 1];
    for (int row : rows) {
      int customer = log.customer(row);
      cursor.row = row;
      if (customer >= capacity || !agg.accepts(log.epochDay(row), cursor)) {
        continue;
      }
      double key = agg.keyOf(log, row, cursor);
      if (Double.isNaN(key)) {
        continue;
      }
      customerOf[accepted] = customer;
      keyOf[accepted++] = key;
      start[customer + 1]++;
    }
    for (int id = 0; id < capacity; id++) {
      start[id + 1] += start[id];
    }
    double[] grouped = new double[accepted];
    int[] fill = Arrays.copyOf(start, capacity);
    for (int i = 0; i < accepted; i++) {
      grouped[fill[customerOf[i]]++] = keyOf[i];
    }
    double[] counts = new double[capacity];
    for (int id = 0; id < capacity; id++) {
      int from = start[id];
      int to = start[id + 1];
      if (to - from <= 1) {
        counts[id] = to - from;
        continue;
      }
      if (to - from <= 16) {
        for (int i = from + 1; i < to; i++) { // insertion sort: most customers have a few keys
          double v = grouped[i];
          int j = i - 1;
          while (j >= from && grouped[j] > v) {
            grouped[j + 1] = grouped[j];
            j--;
          }
          grouped[j + 1] = v;
        }
      } else {
        Arrays.sort(grouped, from, to);
      }
      int distinct = 1;
      for (int i = from + 1; i < to; i++) {
        if (grouped[i] != grouped[i - 1]) {
          distinct++;
        }
      }
      counts[id] = distinct;
    }
    return counts;
  }
}
