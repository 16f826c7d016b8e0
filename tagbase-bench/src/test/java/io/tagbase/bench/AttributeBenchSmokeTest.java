package io.tagbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A1-A2 at small size once: the database path, the in-memory columns and PostgreSQL's SQL count
 * agree with a loop over the generated customers. No timing is asserted.
 */
class AttributeBenchSmokeTest {

  @Test
  void databasePathColumnsAndSqlAgree() throws Exception {
    String markdown = AttributeBench.run(20_000, 7, Timing.Budget.SMOKE);
    assertThat(markdown).contains("Every answer equal across engines.").doesNotContain("MISMATCH");
  }
}
