package io.tagbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Member days stored as changes at tiny size: every table row is there, and the stored days read
 * back from an embedded PostgreSQL hold everyone (checked inside the bench).
 */
class MemberDaysBenchSmokeTest {

  @Test
  void storesChangesAndReadsTheDaysBackAtTinySize() throws Exception {
    String table = MemberDaysBench.run(20_000, 42, true);
    assertThat(table)
        .contains("| M1 every chunk")
        .contains("| M1 changes only")
        .contains("| M2 read day 0");
  }
}
