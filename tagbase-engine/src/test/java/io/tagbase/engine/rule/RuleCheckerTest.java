package io.tagbase.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every type and name error, with where it is and what to write instead. */
class RuleCheckerTest {
  private static final RuleSchema SCHEMA = RuleWorld.SCHEMA;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
          ctiy = "上海" | unknown field 'ctiy' at 1:1 — did you mean 'city' (城市)?
          age > 3 and 程市 = x | unknown field '程市' at 1:13 — did you mean 'city' (城市)?
          has tag vpi | unknown tag 'vpi' at 1:9 — did you mean 'vip' (高价值客户)?
          count(ordr) > 1 | unknown event 'ordr' at 1:7 — did you mean 'order' (下单)?
          count(order where contry = UK) > 1 | unknown property 'contry' of event 'order' at 1:19 — did you mean 'country' (国家)?
          tag rfm = champoin | unknown value 'champoin' of tag 'rfm' at 1:11 — did you mean 'champion'?
          vip_level = glod | unknown value 'glod' of enum field 'vip_level' at 1:13 — did you mean 'gold'?
          age contains "1" | operator 'contains' does not apply to number field 'age' at 1:1
          age = "abc" | expected a number for number field 'age', got "abc" at 1:7
          birthday > 3 | expected a date for date field 'birthday', got 3 at 1:12
          active = 1 | expected true or false for boolean field 'active', got 1 at 1:10
          vip = true | 'vip' is a flag tag: it has no value at 1:1 — write 'has tag vip'
          tag vip = x | 'vip' is a flag tag: it has no value; use 'has tag' at 1:5
          sum(order) > 1 | sum needs a property or an expression at 1:5
          count(order, quantity) > 1 | count takes no expression at 1:7
          sum(order, sku) > 1 | property 'sku' is STRING, not a number at 1:12
          count(order where has tag vip) > 1 | 'has tag' is not allowed inside a where filter at 1:27
          count(order where count(visit) > 1) > 1 | only event properties may be compared inside a where filter at 1:25
          city matches "(a+)+$" | nested quantifier: a repeated group may not itself repeat or alternate at 1:14
          city matches "(a)\\\\1" | backreferences are not supported at 1:14
          city matches "(?=a)" | lookaround and inline flags are not supported at 1:14
          did order between 2026-02-01 and 2026-01-01 | the window starts after it ends at 1:11
          """)
  void reportsTheErrorWithPositionAndSuggestion(String rule, String message) {
    assertThatThrownBy(() -> RuleChecker.check(rule, SCHEMA))
        .isInstanceOf(RuleTypeException.class)
        .hasMessage(message);
  }

  @Test
  void reportsEveryErrorInTextOrder() {
    RuleTypeException e = catchTypeError("ctiy = 1 and\n  has tag vpi or count(ordr) > x");
    assertThat(e.errors())
        .extracting(RuleError::line, RuleError::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 1),
            org.assertj.core.groups.Tuple.tuple(2, 11),
            org.assertj.core.groups.Tuple.tuple(2, 24));
  }

  @Test
  void resolvesChineseNamesToCodes() {
    CheckedRule zh =
        RuleChecker.check("近30天 下单 次数 >= 3 且 城市 属于 (上海, 北京) 且 RFM分层 为 champion", SCHEMA);
    CheckedRule en =
        RuleChecker.check(
            "count(order, last 30 days) >= 3 and city in (\"上海\", \"北京\") and tag rfm = \"champion\"",
            SCHEMA);
    assertThat(zh.rule()).isEqualTo(en.rule());
    assertThat(zh.attributes()).containsExactly("city");
    assertThat(zh.events()).containsExactly("order");
    assertThat(zh.tags()).containsExactly("rfm");
    assertThat(zh.timeRelative()).isTrue();
  }

  @Test
  void fusedChineseCountResolvesToTheEvent() {
    assertThat(RuleChecker.check("近30天下单次数 >= 3", SCHEMA).toString())
        .isEqualTo("count(order, last 30 days) >= 3");
    assertThat(RuleChecker.check("下单次数 >= 3", SCHEMA).toString()).isEqualTo("count(order) >= 3");
  }

  @Test
  void attributeRulesWithoutRelativeDatesAreNotTimeRelative() {
    assertThat(RuleChecker.check("city = x and has tag vip", SCHEMA).timeRelative()).isFalse();
    assertThat(RuleChecker.check("birthday > today - 3 days", SCHEMA).timeRelative()).isTrue();
  }

  @Test
  void errorsFromJsonRulesHaveNoPosition() {
    Rule rule = new Rule.HasTag("vpi");
    assertThatThrownBy(() -> RuleChecker.check(rule, SCHEMA))
        .hasMessage("unknown tag 'vpi' — did you mean 'vip' (高价值客户)?");
  }

  private static RuleTypeException catchTypeError(String rule) {
    try {
      RuleChecker.check(rule, SCHEMA);
    } catch (RuleTypeException e) {
      return e;
    }
    throw new AssertionError("no type error in " + rule);
  }
}
