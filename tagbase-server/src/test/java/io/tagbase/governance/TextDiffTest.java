package io.tagbase.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiffTest {

  @Test
  void changedWordsAreMarkedBetweenTheCommonOnes() {
    assertThat(TextDiff.of("has tag vip and age > 30", "has tag gold and age > 30"))
        .containsExactly(
            new TextDiff.Part("SAME", "has tag"),
            new TextDiff.Part("REMOVED", "vip"),
            new TextDiff.Part("ADDED", "gold"),
            new TextDiff.Part("SAME", "and age > 30"));
  }

  @Test
  void aFirstRuleIsAllAdded() {
    assertThat(TextDiff.of(null, "has tag vip"))
        .isEqualTo(List.of(new TextDiff.Part("ADDED", "has tag vip")));
  }
}
