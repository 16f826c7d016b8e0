package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTest {

  @Test
  void factoriesBuildTheRecords() {
    Condition condition =
        Condition.and(Condition.tag("vip"), Condition.or(Condition.not(Condition.tag("churned"))));
    assertThat(condition)
        .isEqualTo(
            new Condition.And(
                List.of(
                    new Condition.HasTag("vip"),
                    new Condition.Or(
                        List.of(new Condition.Not(new Condition.HasTag("churned")))))));
  }

  @Test
  void termsAreCopiedAtConstruction() {
    List<Condition> terms = new ArrayList<>(List.of(Condition.tag("a")));
    Condition.And and = new Condition.And(terms);
    terms.add(Condition.tag("b"));
    assertThat(and.terms()).containsExactly(Condition.tag("a"));
  }

  @Test
  void nullsAreRejected() {
    assertThatThrownBy(() -> Condition.tag(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Condition.not(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Condition.or(Condition.tag("a"), null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void everyoneEqualsEveryone() {
    assertThat(Condition.everyone()).isEqualTo(new Condition.Everyone());
  }
}
