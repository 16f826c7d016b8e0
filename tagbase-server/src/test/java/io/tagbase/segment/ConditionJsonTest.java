package io.tagbase.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.engine.Condition;
import io.tagbase.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionJsonTest {
  private static final Set<String> KNOWN = Set.of("vip", "female", "churn");

  private static final ConditionJson.Tags TAGS =
      new ConditionJson.Tags() {
        @Override
        public boolean exists(String code) {
          return KNOWN.contains(code) || code.equals("rfm");
        }

        @Override
        public boolean hasValue(String code, String value) {
          return code.equals("rfm") && Set.of("champion", "at_risk").contains(value);
        }
      };

  private static Condition parse(Object json) {
    return ConditionJson.parse(json, "condition", TAGS);
  }

  @Test
  void readsALayeredTagValue() {
    assertThat(parse(Map.of("tag", "rfm", "value", "champion")))
        .isEqualTo(Condition.tag("rfm=champion"));
  }

  @Test
  void unknownValueNamesTheValueField() {
    assertThat(fieldOf(Map.of("not", Map.of("tag", "rfm", "value", "gold"))))
        .isEqualTo("condition.not.value");
  }

  private static String fieldOf(Object json) {
    try {
      parse(json);
    } catch (InvalidInputException e) {
      return e.field();
    }
    throw new AssertionError("expected a refusal");
  }

  @Test
  void readsNestedAndOrNot() {
    Object json =
        Map.of(
            "and",
            List.of(
                Map.of("tag", "vip"),
                Map.of(
                    "or",
                    List.of(Map.of("tag", "female"), Map.of("not", Map.of("tag", "churn"))))));
    assertThat(parse(json))
        .isEqualTo(
            Condition.and(
                List.of(
                    Condition.tag("vip"),
                    Condition.or(
                        List.of(Condition.tag("female"), Condition.not(Condition.tag("churn")))))));
  }

  @Test
  void unknownTagNamesItsPath() {
    Object json = Map.of("or", List.of(Map.of("tag", "vip"), Map.of("not", Map.of("tag", "gold"))));
    assertThat(fieldOf(json)).isEqualTo("condition.or[1].not.tag");
  }

  @Test
  void missingConditionIsRefused() {
    assertThat(fieldOf(null)).isEqualTo("condition");
  }

  @Test
  void objectWithTwoOperatorsIsRefused() {
    assertThat(fieldOf(Map.of("tag", "vip", "not", Map.of("tag", "vip")))).isEqualTo("condition");
  }

  @Test
  void emptyListIsRefused() {
    assertThat(fieldOf(Map.of("and", List.of()))).isEqualTo("condition.and");
  }

  @Test
  void tagMustBeAString() {
    assertThat(fieldOf(Map.of("tag", 42))).isEqualTo("condition.tag");
  }

  @Test
  void unknownOperatorIsNamed() {
    assertThatThrownBy(() -> parse(Map.of("xor", List.of())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("xor");
  }

  @Test
  void overlyDeepNestingIsRefusedInsteadOfOverflowingTheStack() {
    Object json = Map.of("tag", "vip");
    for (int i = 0; i < 100; i++) {
      json = Map.of("not", json);
    }
    Object deep = json;
    assertThatThrownBy(() -> parse(deep)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void tooManyTermsAreRefused() {
    List<Object> terms = new ArrayList<>();
    for (int i = 0; i < ConditionJson.MAX_TERMS + 1; i++) {
      terms.add(Map.of("tag", "vip"));
    }
    assertThat(fieldOf(Map.of("or", terms))).startsWith("condition.or[");
  }
}
