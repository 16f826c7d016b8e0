package io.tagbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * R1-R3 at small size on both engines once: the answers agree with PostgreSQL and add up. No timing
 * is asserted.
 */
class RuleBenchSmokeTest {

  @Test
  void rfmLifecycleAndRecentBuyersAgreeWithPostgres() throws Exception {
    String markdown = RuleBench.run(20_000, 7, true, Timing.Budget.SMOKE);
    assertThat(markdown).contains("Every answer equal across engines.").doesNotContain("MISMATCH");
    assertThat(markdown).contains("| R1 RFM tiers over everyone | <= 1 s | PostgreSQL |");
  }

  @Test
  void tiersAndStagesCoverEveryoneWhoOrdered() {
    RuleBench.Events events = RuleBench.generate(5_000, 3);
    var data = RuleBench.tagbaseData(events);
    long[] rfm = RuleBench.rfm(data);
    long ordered = Arrays.stream(events.customer()).distinct().count(); // customers with any line
    long tiered = Arrays.stream(rfm, 0, RuleBench.TIERS.length).sum();
    assertThat(tiered).isEqualTo(rfm[RuleBench.TIERS.length]);
    assertThat(rfm[RuleBench.TIERS.length]).isPositive().isLessThanOrEqualTo(ordered);
    assertThat(Arrays.stream(RuleBench.lifecycle(data)).sum())
        .isEqualTo(rfm[RuleBench.TIERS.length]);
  }
}
