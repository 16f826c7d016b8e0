package io.tagbase.engine.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Quantiles checked against values computed by hand (and by NumPy's default method). */
class QuantilesTest {

  @Test
  void quartilesOfOneToTenInterpolateBetweenClosestRanks() {
    // numpy.percentile(range(1, 11), [25, 50, 75]) == [3.25, 5.5, 7.75]
    double[] values = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    assertThat(Quantiles.cutPoints(values, 4)).containsExactly(3.25, 5.5, 7.75);
  }

  @Test
  void excelPercentileIncExample() {
    // PERCENTILE.INC({1,3,5,7}, 0.25) = 2.5; 0.5 = 4; 0.75 = 5.5
    assertThat(Quantiles.cutPoints(new double[] {7, 1, 5, 3}, 4)).containsExactly(2.5, 4.0, 5.5);
  }

  @Test
  void tiesGiveRepeatedCutPointsAndEqualValuesFallInTheLowerBand() {
    // sorted 1 1 1 2 10; h = 4p: p=.2 -> 0.8 -> 1; p=.4 -> 1.6 -> 1; p=.6 -> 2.4 -> 1 + .4 * 1 =
    // 1.4;
    // p=.8 -> 3.2 -> 2 + .2 * 8 = 3.6
    double[] cuts = Quantiles.cutPoints(new double[] {1, 10, 1, 2, 1}, 5);
    assertThat(cuts[0]).isEqualTo(1.0);
    assertThat(cuts[1]).isEqualTo(1.0);
    assertThat(cuts[2]).isCloseTo(1.4, within(1e-12));
    assertThat(cuts[3]).isCloseTo(3.6, within(1e-12));
    assertThat(Quantiles.band(1, cuts)).isEqualTo(1);
    assertThat(Quantiles.band(2, cuts)).isEqualTo(4);
    assertThat(Quantiles.band(10, cuts)).isEqualTo(5);
  }

  @Test
  void aValueEqualToACutPointIsInTheLowerBand() {
    double[] cuts = {3.25, 5.5, 7.75};
    assertThat(Quantiles.band(3.25, cuts)).isEqualTo(1);
    assertThat(Quantiles.band(3.2500001, cuts)).isEqualTo(2);
    assertThat(Quantiles.band(5.5, cuts)).isEqualTo(2);
    assertThat(Quantiles.band(7.75, cuts)).isEqualTo(3);
    assertThat(Quantiles.band(8, cuts)).isEqualTo(4);
    assertThat(Quantiles.band(-1, cuts)).isEqualTo(1);
  }

  @Test
  void boundaries() {
    double[] one = {42};
    assertThat(Quantiles.cutPoints(one, 5)).containsOnly(42.0);
    assertThat(Quantiles.at(new double[] {1, 2}, 0, 3)).isEqualTo(1);
    assertThat(Quantiles.at(new double[] {1, 2}, 3, 3)).isEqualTo(2);
    // h = 1 * 1/3: 1 + 1/3
    assertThat(Quantiles.at(new double[] {1, 2}, 1, 3)).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(Quantiles.cutPoints(new double[] {Double.NaN}, 5)).isEmpty();
    assertThat(Quantiles.cutPoints(new double[] {Double.NaN, 3, Double.NaN, 1}, 2))
        .containsExactly(2.0);
  }

  @Test
  void matchesExactRationalArithmeticOnRandomData() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      int n = 1 + random.nextInt(60);
      int k = 2 + random.nextInt(8);
      double[] values = new double[n];
      boolean whole = round % 2 == 0; // whole numbers take the counting path
      for (int i = 0; i < n; i++) {
        values[i] =
            whole
                ? random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(2_000) - 300
                : random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(1000) / 4.0;
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      double[] cuts = Quantiles.cutPoints(values, k);
      for (int i = 1; i < k; i++) {
        // exact: h = (n-1) i / k as a fraction
        BigDecimal h =
            BigDecimal.valueOf((long) (n - 1) * i)
                .divide(BigDecimal.valueOf(k), MathContext.DECIMAL128);
        int lo = h.intValue();
        BigDecimal frac = h.subtract(BigDecimal.valueOf(lo));
        BigDecimal expected = BigDecimal.valueOf(sorted[lo]);
        if (lo + 1 < n) {
          expected =
              expected.add(
                  frac.multiply(
                      BigDecimal.valueOf(sorted[lo + 1]).subtract(BigDecimal.valueOf(sorted[lo]))));
        }
        assertThat(cuts[i - 1]).isCloseTo(expected.doubleValue(), within(1e-9));
      }
      for (double v : values) {
        long below = Arrays.stream(cuts).filter(c -> c < v).count();
        assertThat(Quantiles.band(v, cuts)).isEqualTo(1 + (int) below);
      }
    }
  }
}
