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
   * values are ignored; no values gives no cut points. Cost: O(n log k) expected, by selecting only
   * the order statistics the cut points need (no full sort); {@code values} is not changed.
   */
  public static double[] cutPoints(double[] values, int k) {
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    if (n == 0) {
      return new double[0];
    }
    double[] a = new double[n];
    int fill = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        a[fill++] = v;
      }
    }
    int[] ranks = new int[2 * (k - 1)];
    for (int i = 1; i < k; i++) {
      long scaled = (long) (n - 1) * i;
      int lo = (int) (scaled / k);
      ranks[2 * (i - 1)] = lo;
      ranks[2 * (i - 1) + 1] = Math.min(lo + 1, n - 1);
    }
    int[] sortedRanks = java.util.Arrays.stream(ranks).distinct().sorted().toArray();
    select(a, 0, n - 1, sortedRanks, 0, sortedRanks.length - 1);
    double[] cuts = new double[k - 1];
    for (int i = 1; i < k; i++) {
      long scaled = (long) (n - 1) * i;
      int lo = (int) (scaled / k);
      double fraction = (double) (scaled % k) / k;
      cuts[i - 1] = fraction == 0 || lo + 1 >= n ? a[lo] : a[lo] + fraction * (a[lo + 1] - a[lo]);
    }
    return cuts;
  }

  /**
   * Moves the order statistics {@code ranks[rlo..rhi]} (ascending, within [lo, hi]) into place:
   * afterwards a[r] is the r-th smallest value for each of them. Three-way partitions, so runs of
   * equal values (small integer measures) end a branch at once.
   */
  private static void select(double[] a, int lo, int hi, int[] ranks, int rlo, int rhi) {
    while (rlo <= rhi && lo < hi) {
      int mid = (lo + hi) >>> 1;
      double pivot = median(a[lo], a[mid], a[hi]);
      int lt = lo;
      int i = lo;
      int gt = hi;
      while (i <= gt) {
        double v = a[i];
        if (v < pivot) {
          a[i++] = a[lt];
          a[lt++] = v;
        } else if (v > pivot) {
          a[i] = a[gt];
          a[gt--] = v;
        } else {
          i++;
        }
      }
      int left = rlo;
      while (left <= rhi && ranks[left] < lt) {
        left++;
      }
      int right = left;
      while (right <= rhi && ranks[right] <= gt) {
        right++;
      }
      if (left - rlo < rhi - right + 1) {
        select(a, lo, lt - 1, ranks, rlo, left - 1);
        lo = gt + 1;
        rlo = right;
      } else {
        select(a, gt + 1, hi, ranks, right, rhi);
        hi = lt - 1;
        rhi = left - 1;
      }
    }
  }

  private static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
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
