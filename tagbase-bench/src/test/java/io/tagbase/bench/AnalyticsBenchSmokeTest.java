package io.tagbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every analytics chart at small size, once each: it still runs, and every answer equals a
 * brute-force count over the generated customers (the bench throws otherwise).
 */
class AnalyticsBenchSmokeTest {

  @Test
  void everyChartRunsAndMatchesBruteForceAtTinySize() throws Exception {
    String table = AnalyticsBench.run(20_000, 42, true);
    assertThat(table)
        .contains("| C1 ")
        .contains("| C12a ")
        .contains("| C13 ")
        .contains("| C14 ")
        .contains("| C15 ")
        .contains("| C16 ")
        .contains("| C19 ")
        .contains("| C21 ")
        .contains("Activity days: ")
        .contains("| S1 ")
        .contains("| S2 ");
  }

  @Test
  void storedIdsBeyondOneChunkStillMatchBruteForce() throws Exception {
    // 70,000 customers: database ids cross the 65,536-id chunk edge
    assertThat(AnalyticsBench.run(70_000, 7, true)).contains("| C11 ");
  }
}
