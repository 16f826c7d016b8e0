package io.tagbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The analytics scenarios at tiny size, once each: they still run and their identities hold. */
class AnalyticsBenchSmokeTest {

  @Test
  void everyScenarioRunsAndKeepsItsIdentityAtTinySize() throws Exception {
    String table = AnalyticsBench.run(20_000, 42, true);
    assertThat(table).contains("| A1 ").contains("| A6 ");
  }
}
