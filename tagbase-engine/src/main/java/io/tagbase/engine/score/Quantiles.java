package io.tagbase.engine.score;

/**
 * Quantiles by linear interpolation between closest ranks: for sorted values x[0..n-1] and a
 * probability p, h = (n - 1) p and the quantile is x[floor h] + (h - floor h)(x[floor h + 1] -
 * x[floor h]). This is the definition NumPy, pandas, R (type 7) and Excel PERCENTILE.INC share.
 */
public final class Quantiles {
  private Quantiles() {}

  /** The {@code i/k} quantile of {@code sorted} (ascending, no NaN, not empty). */
  public static double at(double[] sorted, int i, int k) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (i < 0 || i > k || k < 1) {
      throw new IllegalArgumentException("quantile " + i + "/" + k + " is not between 0 and 1");
    }
    // (n - 1) * i / k in exact integer arithmetic first, so p = 1/2 of 11 values is exactly 5.
    long scaled = (long) (sorted.length - 1) * i;
    int lo = (int) (scaled / k);
    double fraction = (double) (scaled % k) / k;
    if (fraction == 0 || lo + 1 >= sorted.length) {
      return sorted[lo];
    }
    return sorted[lo] + fraction * (sorted[lo + 1] - sorted[lo]);
  }

  /**
   * The k - 1 cut points that split {@code values} into k bands: the quantiles at 1/k, 2/k, ... NaN
   * values are ignored; no values gives no cut points; {@code values} is not changed. Cost: two
   * passes over the values and a sort of the few buckets that hold the order statistics the cut
   * points need (a radix select on the top 16 bits of each value), not a sort of everything.
   */
  public static double[] cutPoints(double[] values, int k) {
    double[] whole = wholeNumberCuts(values, k);
    if (whole != null) {
      return whole;
    }
    int[] counts = new int[BUCKETS];
    double[] least = new double[BUCKETS];
    double[] most = new double[BUCKETS];
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        int b = bucket(v);
        if (counts[b]++ == 0) {
          least[b] = v;
          most[b] = v;
        } else if (v < least[b]) {
          least[b] = v;
        } else if (v > most[b]) {
          most[b] = v;
        }
        n++;
      }
    }
    if (n == 0) {
      return new double[0];
    }
    // the ranks the cut points read: lo and lo + 1 of each
    int[] ranks = new int[2 * (k - 1)];
    for (int i = 1; i < k; i++) {
      long scaled = (long) (n - 1) * i;
      int lo = (int) (scaled / k);
      ranks[2 * (i - 1)] = lo;
      ranks[2 * (i - 1) + 1] = Math.min(lo + 1, n - 1);
    }
    int[] first = new int[BUCKETS + 1]; // rank of each bucket's first value
    for (int b = 0; b < BUCKETS; b++) {
      first[b + 1] = first[b] + counts[b];
    }
    // a bucket of one repeated value (small whole numbers: days, counts) needs no second look
    double[][] held = new double[BUCKETS][];
    boolean collect = false;
    for (int rank : ranks) {
      int b = bucketOfRank(first, rank);
      if (held[b] == null) {
        held[b] = least[b] == most[b] ? new double[] {least[b]} : new double[counts[b]];
        collect |= held[b].length > 1;
      }
    }
    if (collect) {
      int[] fill = new int[BUCKETS];
      for (double v : values) {
        if (!Double.isNaN(v)) {
          int b = bucket(v);
          if (held[b] != null && held[b].length > 1) {
            held[b][fill[b]++] = v;
          }
        }
      }
      for (double[] bucket : held) {
        if (bucket != null && bucket.length > 1) {
          java.util.Arrays.sort(bucket);
        }
      }
    }
    double[] cuts = new double[k - 1];
    for (int i = 1; i < k; i++) {
      long scaled = (long) (n - 1) * i;
      int lo = (int) (scaled / k);
      double fraction = (double) (scaled % k) / k;
      double low = valueAt(held, first, lo);
      cuts[i - 1] =
          fraction == 0 || lo + 1 >= n
              ? low
              : low + fraction * (valueAt(held, first, lo + 1) - low);
    }
    return cuts;
  }

  private static final int BUCKETS = 1 << 16;
  private static final int SMALL = 1 << 12;

  /**
   * One pass for the commonest case, whole numbers from 0 to 4095 (days since, order counts):
   * counted straight into a histogram; null at the first value that is not.
   */
  private static double[] smallWholeNumberCuts(double[] values, int k) {
    int[] counts = new int[SMALL];
    int n = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        continue;
      }
      int i = (int) v;
      if (i != v || i < 0 || i >= SMALL) {
        return null;
      }
      counts[i]++;
      n++;
    }
    return n == 0 ? new double[0] : fromHistogram(counts, 0, n, k);
  }

  /** Cut points from a histogram of whole numbers {@code min + bin}, n values in all. */
  private static double[] fromHistogram(int[] counts, double min, int n, int k) {
    double[] cuts = new double[k - 1];
    int bin = 0;
    long below = 0; // values in the bins before {@code bin}
    for (int i = 1; i < k; i++) {
      long scaled = (long) (n - 1) * i;
      int lo = (int) (scaled / k);
      double fraction = (double) (scaled % k) / k;
      while (below + counts[bin] <= lo) {
        below += counts[bin++];
      }
      double low = min + bin;
      double high = low;
      if (fraction != 0 && lo + 1 < n) {
        int next = bin;
        long nextBelow = below;
        while (nextBelow + counts[next] <= lo + 1) {
          nextBelow += counts[next++];
        }
        high = min + next;
      }
      cuts[i - 1] = fraction == 0 || lo + 1 >= n ? low : low + fraction * (high - low);
    }
    return cuts;
  }

  private static final int WHOLE_RANGE = 1 << 20;

  /**
   * Cut points by counting, when every value is a whole number within a range of about a million
   * (days, counts, cents of small sums): a histogram gives every order statistic. Null otherwise.
   */
  private static double[] wholeNumberCuts(double[] values, int k) {
    double[] counted = smallWholeNumberCuts(values, k);
    if (counted != null) {
      return counted;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (v != Math.rint(v) || Double.isInfinite(v)) {
        return null;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
      n++;
      if (max - min >= WHOLE_RANGE) {
        return null;
      }
    }
    if (n == 0) {
      return new double[0];
    }
    int[] counts = new int[(int) (max - min) + 1];
    for (double v : values) {
      if (!Double.isNaN(v)) {
        counts[(int) (v - min)]++;
      }
    }
    return fromHistogram(counts, min, n, k);
  }

  /** The top 16 bits of the value in an order that sorts like the numbers. */
  private static int bucket(double v) {
    long bits = Double.doubleToLongBits(v);
    long ordered = bits >= 0 ? bits ^ Long.MIN_VALUE : ~bits;
    return (int) (ordered >>> 48);
  }

  private static int bucketOfRank(int[] first, int rank) {
    int lo = 0;
    int hi = BUCKETS - 1;
    while (lo < hi) { // the last bucket whose first rank is <= rank
      int mid = (lo + hi + 1) >>> 1;
      if (first[mid] <= rank) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static double valueAt(double[][] held, int[] first, int rank) {
    int b = bucketOfRank(first, rank);
    return held[b].length == 1 ? held[b][0] : held[b][rank - first[b]];
  }

  /**
   * The band 1..cuts.length + 1 of {@code value}: one more than the number of cut points strictly
   * below it, so a value equal to a cut point falls in the lower band.
   */
  public static int band(double value, double[] cuts) {
    int band = 1;
    for (double cut : cuts) {
      if (cut < value) {
        band++;
      }
    }
    return band;
  }
}
