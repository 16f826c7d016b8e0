package io.tagbase.engine.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoringTest {

  @Test
  void quantileScoresFollowTheDirection() {
    double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Double.NaN};
    // cuts at 3.25, 5.5, 7.75 (k = 4)
    int[] up = Scoring.quantiles(4, true).score(values);
    assertThat(up).containsExactly(1, 1, 1, 2, 2, 3, 3, 4, 4, 4, 0);
    int[] down = Scoring.quantiles(4, false).score(values);
    assertThat(down).containsExactly(4, 4, 4, 3, 3, 2, 2, 1, 1, 1, 0);
  }

  @Test
  void recencyTiesOnACutPointScoreTheBetterBand() {
    // recency in days, fewer is better; the cut at 30 puts a 30 in the lower band, i.e. score 2
    Scoring fixed = new Scoring(Scoring.Method.FIXED, 2, false, List.of(30.0), null);
    assertThat(fixed.score(new double[] {29, 30, 31})).containsExactly(2, 2, 1);
  }

  @Test
  void fixedCutPoints() {
    Scoring fixed = new Scoring(Scoring.Method.FIXED, 3, true, List.of(100.0, 500.0), null);
    assertThat(fixed.score(new double[] {0, 100, 100.5, 500, 501})).containsExactly(1, 1, 2, 2, 3);
    assertThat(fixed.cuts(new double[0])).containsExactly(100.0, 500.0);
  }

  @Test
  void topPercentagesRankWithTiesScoringAlike() {
    Scoring top = new Scoring(Scoring.Method.TOP_PERCENT, 3, true, null, List.of(20.0, 50.0));
    // 10 values; best 20% (2) -> 3, up to 50% (5) -> 2, rest 1
    double[] values = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    assertThat(top.score(values)).containsExactly(3, 3, 2, 2, 2, 1, 1, 1, 1, 1);
    // ties: three customers share the best value and all score 3 (none has 2 better than them);
    // the seven tied last have 3 better, fewer than 50% of 10, so they score 2
    assertThat(top.score(new double[] {9, 9, 9, 1, 1, 1, 1, 1, 1, 1}))
        .containsExactly(3, 3, 3, 2, 2, 2, 2, 2, 2, 2);
  }

  @Test
  void topPercentagesMatchABruteForceRanking() {
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(40);
      boolean higher = random.nextBoolean();
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(6) == 0 ? Double.NaN : random.nextInt(12);
      }
      List<Double> percents = List.of(10.0, 25.0, 60.0, 90.0);
      int[] scores =
          new Scoring(Scoring.Method.TOP_PERCENT, 5, higher, null, percents).score(values);
      long scored = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).count();
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(values[i])) {
          assertThat(scores[i]).isZero();
          continue;
        }
        int better = 0;
        for (double other : values) {
          if (!Double.isNaN(other) && (higher ? other > values[i] : other < values[i])) {
            better++;
          }
        }
        int expected = 5;
        for (double p : percents) {
          if (better >= p / 100 * scored - 1e-9) {
            expected--;
          }
        }
        assertThat(scores[i]).as("value %s of %s", values[i], values).isEqualTo(expected);
      }
    }
  }

  @Test
  void refusesSettingsThatCannotScore() {
    assertThatThrownBy(() -> Scoring.quantiles(1, true)).hasMessageContaining("bands");
    assertThatThrownBy(() -> new Scoring(Scoring.Method.FIXED, 3, true, List.of(5.0), null))
        .hasMessageContaining("3 bands need 2 cut points");
    assertThatThrownBy(() -> new Scoring(Scoring.Method.FIXED, 3, true, List.of(5.0, 5.0), null))
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> new Scoring(Scoring.Method.TOP_PERCENT, 2, true, null, List.of(100.0)))
        .hasMessageContaining("between 0 and 100");
  }
}
