package io.tagbase.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whatever the input, the answer is a rule, a RuleSyntaxException or a RuleTypeException: no other
 * exception, no hang.
 */
@Timeout(20)
class MalformedRuleTest {
  private static final String ALPHABET =
      "abc 城市()（），,\"'「」=<>!-+*/.0123456789`_\n\t且或非 and or not in has tag where count last days 近30天 today";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
          city = | 1:7 | rule ends too early
          city = "abc | 1:8 | unclosed string
          (a = 1 | 1:7 | rule ends too early
          a = 1 b = 2 | 1:7 | unexpected 'b'; expected end of rule or 'and' or 'or'
          a = 1)  | 1:6 | unexpected ')'
          count(order, last 0 days) > 1 | 1:14 | last N days needs 1 <= N <= 36500, got 0
          x = 1000000000000000 | 1:5 | number too large: 1000000000000000
          x = 2026-02-30 | 1:5 | Text '2026-02-30' could not be parsed: Invalid date 'FEBRUARY 30'
          `city = 1 | 1:1 | unclosed `name`
          """)
  void syntaxErrorsSayWhereAndWhat(String rule, String at, String message) {
    assertThatThrownBy(() -> RuleText.parse(rule))
        .isInstanceOf(RuleSyntaxException.class)
        .hasMessage(message + " at " + at);
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String deep = "(".repeat(2_000) + "a = 1" + ")".repeat(2_000);
    assertThatThrownBy(() -> RuleText.parse(deep))
        .isInstanceOf(RuleSyntaxException.class)
        .hasMessageContaining("nested deeper");
    String nots = "not ".repeat(3_000) + "a = 1";
    assertThatThrownBy(() -> RuleText.parse(nots)).isInstanceOf(RuleSyntaxException.class);
    String wheres = "did a where ".repeat(3_000) + "b = 1";
    assertThatThrownBy(() -> RuleText.parse(wheres)).isInstanceOf(RuleSyntaxException.class);
    assertThatThrownBy(() -> RuleText.parse("a = 1 and ".repeat(2_000) + "a = 1"))
        .isInstanceOf(RuleSyntaxException.class)
        .hasMessageContaining("longer than");
  }

  @Test
  void evilRegexesAreRefusedOrBounded() {
    for (String evil : List.of("(a+)+$", "(a*)*b", "(a|aa)+$", "(.*a){12}", "((a+))+", "(a|a)*c")) {
      assertThatThrownBy(() -> RuleChecker.check("city matches \"" + evil + "\"", RuleWorld.SCHEMA))
          .isInstanceOf(RuleTypeException.class);
    }
    // accepted but polynomial: the step budget ends it
    SafeRegex slow = SafeRegex.compile("a*a*a*a*a*a*b");
    assertThat(slow.matches("a".repeat(999))).isFalse();
    assertThat(SafeRegex.compile("^a+b$").matches("a".repeat(2_000) + "b"))
        .as("too long to test")
        .isFalse();
    assertThat(SafeRegex.compile("^(ab)+$").matches("ababab")).isTrue();
  }

  @Test
  void randomStringsNeverThrowAnythingElse() {
    Random random = new Random(42);
    for (int i = 0; i < 3_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      parseAndCheck(text.toString());
    }
  }

  @Test
  void truncatedAndMutatedRulesNeverThrowAnythingElse() {
    RandomRules rules = new RandomRules(7);
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      String text = RuleText.print(rules.rule(3));
      for (int cut = 0; cut < text.length(); cut += 1 + random.nextInt(5)) {
        parseAndCheck(text.substring(0, cut));
        StringBuilder mutated = new StringBuilder(text);
        mutated.setCharAt(cut, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        parseAndCheck(mutated.toString());
      }
    }
  }

  @Test
  void hugeNumbersAndDaysAreSyntaxErrors() {
    for (String rule :
        List.of(
            "x = 99999999999999999999999",
            "x = 1.0000000000001",
            "count(o, last 99999999999 days) > 1",
            "x > today - 99999999 days",
            "x = 9999-99-99",
            "近99999999999天 下单 次数 > 1")) {
      assertThatThrownBy(() -> RuleText.parse(rule))
          .as(rule)
          .isInstanceOf(RuleSyntaxException.class);
    }
  }

  private static void parseAndCheck(String text) {
    try {
      RuleChecker.check(text, RuleWorld.SCHEMA);
    } catch (RuleSyntaxException | RuleTypeException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
