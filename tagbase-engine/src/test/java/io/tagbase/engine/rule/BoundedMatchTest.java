package io.tagbase.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BoundedMatchTest {

  @Test
  void wholeAndPartialMatchesAnswerLikeTheMatcher() {
    Pattern code = Pattern.compile("[a-z]+_[a-z]+");
    assertThat(BoundedMatch.matches(code, "vip_high", true, 1_000)).isTrue();
    assertThat(BoundedMatch.matches(code, "x vip_high", true, 1_000)).isFalse();
    assertThat(BoundedMatch.matches(code, "x vip_high", false, 1_000)).isTrue();
  }

  @Test
  @Timeout(5)
  void catastrophicBacktrackingRunsOutOfBudgetAsNoMatch() {
    Pattern evil = Pattern.compile("(a+)+b");
    String text = "a".repeat(40); // unbounded, this takes longer than the universe's age
    assertThat(BoundedMatch.matches(evil, text, true, 100_000)).isFalse();
    assertThat(BoundedMatch.matches(evil, text + "b", true, 100_000)).isTrue();
  }
}
