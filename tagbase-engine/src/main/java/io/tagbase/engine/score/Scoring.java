package io.tagbase.engine.score;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How one measure becomes a score 1..bands: by quantile cut points of the scored values, by fixed
 * cut points, or by top percentages of a ranking; and in which direction (for recency, fewer days
 * is better). Immutable.
 *
 * @param cutPoints FIXED: bands - 1 ascending values; a value equal to one falls in the lower band
 * @param topPercents TOP_PERCENT: bands - 1 ascending cumulative percentages from the best; with
 *     [20, 50] and 3 bands the best 20% score 3, the next ones up to 50% score 2, the rest 1. Ties
 *     score alike: a customer's rank is the number of customers strictly better.
 */
public record Scoring(
    Method method,
    int bands,
    boolean higherIsBetter,
    List<Double> cutPoints,
    List<Double> topPercents) {

  public enum Method {
    QUANTILE,
    FIXED,
    TOP_PERCENT
  }

  public static final int MAX_BANDS = 9;

  public Scoring {
    Objects.requireNonNull(method, "method");
    if (bands < 2 || bands > MAX_BANDS) {
      throw new IllegalArgumentException("bands must be between 2 and " + MAX_BANDS);
    }
    cutPoints = cutPoints == null ? List.of() : List.copyOf(cutPoints);
    topPercents = topPercents == null ? List.of() : List.copyOf(topPercents);
    if (method == Method.FIXED) {
      requireAscending(cutPoints, bands, "cut points");
    }
    if (method == Method.TOP_PERCENT) {
      requireAscending(topPercents, bands, "top percentages");
      if (topPercents.get(0) <= 0 || topPercents.get(topPercents.size() - 1) >= 100) {
        throw new IllegalArgumentException("top percentages must be between 0 and 100");
      }
    }
  }

  public static Scoring quantiles(int bands, boolean higherIsBetter) {
    return new Scoring(Method.QUANTILE, bands, higherIsBetter, null, null);
  }

  /** The cut points this scoring uses over {@code values} (TOP_PERCENT: the values at each cut). */
  public double[] cuts(double[] values) {
    return switch (method) {
      case QUANTILE -> Quantiles.cutPoints(values, bands);
      case FIXED -> cutPoints.stream().mapToDouble(Double::doubleValue).toArray();
      case TOP_PERCENT -> new double[0];
    };
  }

  /** The score 1..bands of each value; 0 for NaN (not scored). */
  public int[] score(double[] values) {
    return score(values, cuts(values));
  }

  /** The score of each value with cut points already computed by {@link #cuts}. */
  public int[] score(double[] values, double[] cuts) {
    int[] scores = new int[values.length];
    if (method == Method.TOP_PERCENT) {
      scoreByRank(values, scores);
      return scores;
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        int band = Quantiles.band(values[i], cuts);
        scores[i] = higherIsBetter ? band : bands + 1 - band;
      }
    }
    return scores;
  }

  private void scoreByRank(double[] values, int[] scores) {
    double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    int n = sorted.length;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (Double.isNaN(v)) {
        continue;
      }
      long better = higherIsBetter ? n - upperBound(sorted, v) : lowerBound(sorted, v);
      int reached = 0;
      for (double p : topPercents) {
        // better >= p% of n, in exact arithmetic for whole percentages
        if (better * 100.0 >= p * n) {
          reached++;
        }
      }
      scores[i] = bands - reached;
    }
  }

  /** Index of the first element >= v. */
  private static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Index of the first element > v. */
  private static int upperBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static void requireAscending(List<Double> list, int bands, String what) {
    if (list.size() != bands - 1) {
      throw new IllegalArgumentException(
          bands + " bands need " + (bands - 1) + " " + what + ", not " + list.size());
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null || list.get(i).isNaN() || list.get(i).isInfinite()) {
        throw new IllegalArgumentException(what + " must be numbers");
      }
      if (i > 0 && list.get(i) <= list.get(i - 1)) {
        throw new IllegalArgumentException(what + " must be ascending");
      }
    }
  }
}
