package io.tagbase.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.engine.Condition;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentConsoleControllerTest {

  @Test
  void nothingPickedMeansEveryone() {
    assertThat(SegmentConsoleController.condition(List.of(), List.of(), List.of()))
        .isEqualTo(Condition.everyone());
  }

  @Test
  void allAnyAndNoneCombineAsAndOfOrAndNotOr() {
    assertThat(
            SegmentConsoleController.condition(List.of("a", "b"), List.of("c", "d"), List.of("e")))
        .isEqualTo(
            Condition.and(
                List.of(
                    Condition.tag("a"),
                    Condition.tag("b"),
                    Condition.or(List.of(Condition.tag("c"), Condition.tag("d"))),
                    Condition.not(Condition.or(List.of(Condition.tag("e")))))));
  }
}
