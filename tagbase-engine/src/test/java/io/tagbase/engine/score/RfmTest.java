package io.tagbase.engine.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.engine.TagBitmap;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFM over everyone against scoring each live customer's measures by hand. */
class RfmTest {

  @Test
  void scoresOnlyLiveCustomersWithARecencyAndLooksTiersUp() {
    Random random = new Random(23);
    for (int round = 0; round < 50; round++) {
      int n = 1 + random.nextInt(300);
      double[] r = new double[n];
      double[] f = new double[n];
      double[] m = new double[n];
      TagBitmap live = TagBitmap.empty();
      for (int id = 0; id < n; id++) {
        boolean ordered = random.nextInt(4) != 0;
        r[id] = ordered ? random.nextInt(365) : Double.NaN;
        f[id] = ordered ? 1 + random.nextInt(9) : 0;
        m[id] = ordered ? random.nextInt(5000) / 4.0 : 0;
        if (random.nextInt(10) != 0) {
          live.add(id);
        }
      }
      double[] r0 = r.clone();
      double[] f0 = f.clone();
      double[] m0 = m.clone();
      int bands = 2 + random.nextInt(8);
      Rfm.Scores scores =
          Rfm.score(
              r,
              f,
              m,
              live,
              Scoring.quantiles(bands, false),
              Scoring.quantiles(bands, true),
              Scoring.quantiles(bands, true));
      // reference: the scored population's values, quantiles over them, the band by hand
      double[][] values = {r0, f0, m0};
      int[][] got = {scores.r(), scores.f(), scores.m()};
      for (int k = 0; k < 3; k++) {
        final int measure = k;
        double[] population =
            java.util.stream.IntStream.range(0, n)
                .filter(id -> !Double.isNaN(r0[id]) && live.contains(id))
                .mapToDouble(id -> values[measure][id])
                .sorted()
                .toArray();
        double[] cuts = new double[bands - 1];
        for (int i = 1; i < bands && population.length > 0; i++) {
          double h = (population.length - 1) * (double) i / bands;
          int lo = (int) Math.floor(h);
          cuts[i - 1] =
              lo + 1 < population.length
                  ? population[lo] + (h - lo) * (population[lo + 1] - population[lo])
                  : population[lo];
        }
        for (int id = 0; id < n; id++) {
          if (Double.isNaN(r0[id]) || !live.contains(id)) {
            assertThat(got[k][id]).isZero();
            continue;
          }
          double v = values[k][id];
          int band = 1 + (int) Arrays.stream(cuts).filter(c -> c < v - 1e-9).count();
          assertThat(got[k][id]).isEqualTo(k == 0 ? bands + 1 - band : band);
        }
      }
      assertThat(scores.scored())
          .isEqualTo(
              java.util.stream.IntStream.range(0, n)
                  .filter(id -> !Double.isNaN(r0[id]) && live.contains(id))
                  .count());
      Rfm.TierTable table =
          Rfm.TierTable.of(bands, (a, b, c) -> a + b + c >= 2 * bands ? "high" : null);
      int[] indexes = Rfm.tierIndexes(scores, table);
      String[] tiers = new String[n];
      for (int id = 0; id < n; id++) {
        tiers[id] = indexes[id] < 0 ? null : table.names().get(indexes[id]);
        assertThat(tiers[id])
            .isEqualTo(
                scores.r()[id] == 0
                    ? null
                    : table.tier(scores.r()[id], scores.f()[id], scores.m()[id]));
      }
      for (int id = 0; id < n; id++) {
        int sum = scores.r()[id] + scores.f()[id] + scores.m()[id];
        assertThat(tiers[id]).isEqualTo(scores.r()[id] != 0 && sum >= 2 * bands ? "high" : null);
      }
    }
  }
}
