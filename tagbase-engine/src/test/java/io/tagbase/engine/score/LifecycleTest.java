package io.tagbase.engine.score;

import static io.tagbase.engine.score.Lifecycle.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.engine.score.Lifecycle.Stage;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  // new within 30 days of the first order, active within 60 of the last, churned after 180
  private final Lifecycle lifecycle = new Lifecycle(30, 60, 180);
  private static final int TODAY = 20_000;

  @Test
  void stagesAtTheirBoundaries() {
    assertThat(lifecycle.stage(NONE, NONE, NONE, TODAY)).isNull();
    assertThat(lifecycle.stage(TODAY - 30, TODAY - 30, NONE, TODAY)).isEqualTo(Stage.NEW);
    assertThat(lifecycle.stage(TODAY - 31, TODAY - 31, NONE, TODAY)).isEqualTo(Stage.ACTIVE);
    assertThat(lifecycle.stage(TODAY - 300, TODAY - 60, TODAY - 100, TODAY))
        .isEqualTo(Stage.ACTIVE);
    assertThat(lifecycle.stage(TODAY - 300, TODAY - 61, TODAY - 100, TODAY))
        .isEqualTo(Stage.DORMANT);
    assertThat(lifecycle.stage(TODAY - 300, TODAY - 180, NONE, TODAY)).isEqualTo(Stage.DORMANT);
    assertThat(lifecycle.stage(TODAY - 300, TODAY - 181, NONE, TODAY)).isEqualTo(Stage.CHURNED);
  }

  @Test
  void wonBackAfterAGapLongerThanTheChurnThreshold() {
    // last order 10 days ago, the one before 191 days before that: a gap of 191 > 180
    assertThat(lifecycle.stage(TODAY - 400, TODAY - 10, TODAY - 201, TODAY))
        .isEqualTo(Stage.WON_BACK);
    // a gap of exactly 180 is not churn
    assertThat(lifecycle.stage(TODAY - 400, TODAY - 10, TODAY - 190, TODAY))
        .isEqualTo(Stage.ACTIVE);
    // a new customer is new even after a long gap cannot happen; a won-back customer who stops
    // ordering becomes dormant
    assertThat(lifecycle.stage(TODAY - 400, TODAY - 70, TODAY - 300, TODAY))
        .isEqualTo(Stage.DORMANT);
  }

  @Test
  void refusesThresholdsOutOfOrder() {
    assertThatThrownBy(() -> new Lifecycle(30, 90, 90)).hasMessageContaining("churn days");
    assertThatThrownBy(() -> new Lifecycle(-1, 10, 90)).hasMessageContaining("negative");
  }
}
