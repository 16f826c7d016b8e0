package io.tagbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/**
 * The benchmark at tiny size: every query on every engine once, answers equal across engines. No
 * timing is asserted: this only checks that the benchmark still runs and still agrees.
 */
class BenchSmokeTest {

  @Test
  void everyEngineAnswersEveryQueryTheSameAtTinySize() throws Exception {
    BenchOptions options =
        BenchOptions.parse("--customers", "tiny", "--smoke", "--out", "target/bench-smoke.md");
    BenchReport report =
        new BenchRun(options, new PrintStream(OutputStream.nullOutputStream())).run();

    assertThat(report.mismatches()).isEmpty();
    for (BenchQuery query : BenchQuery.mix()) {
      for (String engine : BenchRun.ENGINES) {
        assertThat(report.measurement(query.id(), engine))
            .as("%s on %s", query.id(), engine)
            .isNotNull();
      }
    }
    assertThat(report.markdown()).contains("| S9 ").doesNotContain("MISMATCH");
  }
}
