package io.tagbase.engine.rule;

import java.util.HashSet;
import java.util.Set;

/**
 * Running aggregates of one customer's qualifying events, in log order (so sums add up in the same
 * order on every path). Counts and sums of nothing are 0; averages, extremes and days of nothing
 * are missing (NaN).
 */
final class Accumulator {
  private long count;
  private long valued;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private int first = Integer.MAX_VALUE;
  private int last = Integer.MIN_VALUE;
  private Set<Object> distinct;

  /** One qualifying event on {@code day}: its expression value (NaN: none) and distinct key. */
  void add(int day, double value, Object key) {
    count++;
    first = Math.min(first, day);
    last = Math.max(last, day);
    if (!Double.isNaN(value)) {
      valued++;
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    if (key != null) {
      if (distinct == null) {
        distinct = new HashSet<>();
      }
      distinct.add(key);
    }
  }

  /** The aggregate of what was added, as of {@code today}; NaN when missing. */
  double result(AggFn fn, int today) {
    switch (fn) {
      case COUNT:
        return count;
      case DISTINCT:
        return distinct == null ? 0 : distinct.size();
      case SUM:
        return sum;
      case AVG:
        return valued == 0 ? Double.NaN : sum / valued;
      case MIN:
        return valued == 0 ? Double.NaN : min;
      case MAX:
        return valued == 0 ? Double.NaN : max;
      case FIRST:
        return count == 0 ? Double.NaN : first;
      case LAST:
        return count == 0 ? Double.NaN : last;
      case DAYS_SINCE_FIRST:
        return count == 0 ? Double.NaN : (double) today - first;
      default:
        return count == 0 ? Double.NaN : (double) today - last;
    }
  }

  /** The result over no events at all. */
  static double empty(AggFn fn, int today) {
    return new Accumulator().result(fn, today);
  }
}
