package io.tagbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The database half of flow and conversion at tiny size on an embedded PostgreSQL: the converters'
 * ids equal the ones counted while generating the events, the stored members read back whole, and
 * the query runs on the V16 index.
 */
class AnalyticsSqlBenchSmokeTest {

  @Test
  void convertersAndStoredMembersComeBackFromPostgresAtTinySize() throws Exception {
    String table = AnalyticsSqlBench.run(20_000, 42, true);
    assertThat(table)
        .contains("| D1 ")
        .contains("| D2 ")
        .contains("customer_event_type_at")
        .contains("| D3 ");
  }
}
