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

  @Test
  void settingsAreComparedLineByLine() {
    assertThat(TextDiff.lines("{\n  \"a\" : 1,\n  \"b\" : 2\n}", "{\n  \"a\" : 1,\n  \"b\" : 3\n}"))
        .containsExactly(
            new TextDiff.Part("SAME", "{\n  \"a\" : 1,"),
            new TextDiff.Part("REMOVED", "  \"b\" : 2"),
            new TextDiff.Part("ADDED", "  \"b\" : 3"),
            new TextDiff.Part("SAME", "}"));
  }
}
