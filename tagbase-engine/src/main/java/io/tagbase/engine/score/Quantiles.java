package io.tagbase.engine.score;

import java.util.Arrays;

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
   * values are ignored; no values gives no cut points.
   */
  public static double[] cutPoints(double[] values, int k) {
    double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (sorted.length == 0) {
      return new double[0];
    }
    double[] cuts = new double[k - 1];
    for (int i = 1; i < k; i++) {
      cuts[i - 1] = at(sorted, i, k);
    }
    return cuts;
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
