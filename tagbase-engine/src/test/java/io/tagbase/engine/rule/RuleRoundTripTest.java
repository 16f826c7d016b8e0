package io.tagbase.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Text -> AST -> JSON -> AST -> text gives back the same tree and the same canonical text. */
class RuleRoundTripTest {
  private static final List<String> NAMES =
      List.of("city", "城市", "order", "x_1", "last", "and", "两 个", "城市2", "a-b", "_");
  private static final List<String> STRINGS =
      List.of("", "上海", "say \"hi\"", "back\\slash", "line\nbreak", "tab\t", "`", "'", "「」");

  @Test
  void randomTreesOfEveryKindRoundTrip() {
    Random random = new Random(11);
    for (int i = 0; i < 3_000; i++) {
      Rule rule = new AnyRules(random).rule(4);
      String text = RuleText.print(rule);
      Rule parsed;
      try {
        parsed = RuleText.parse(text);
      } catch (RuleSyntaxException e) {
        throw new AssertionError(text + " :: " + e.getMessage(), e);
      }
      assertThat(parsed).as(text).isEqualTo(rule);
      String json = RuleJson.write(parsed);
      Rule read = RuleJson.read(json);
      assertThat(read).as(json).isEqualTo(rule);
      assertThat(RuleText.print(read)).isEqualTo(text);
    }
  }

  @Test
  void checkedRulesRoundTripToo() {
    RandomRules rules = new RandomRules(5);
    for (int i = 0; i < 500; i++) {
      CheckedRule checked = RuleChecker.check(RuleText.print(rules.rule(3)), RuleWorld.SCHEMA);
      assertThat(RuleJson.read(RuleJson.write(checked.rule()))).isEqualTo(checked.rule());
    }
  }

  @Test
  void jsonShapeIsTheConsoleTree() {
    Rule rule =
        RuleText.parse(
            "count(order where country = \"UK\", last 30 days) >= 3 and not has tag vip");
    assertThat(RuleJson.write(rule))
        .isEqualTo(
            "{\"and\":[{\"op\":\"GE\",\"operand\":{\"aggregate\":\"count\",\"event\":\"order\","
                + "\"where\":{\"op\":\"EQ\",\"operand\":{\"attr\":\"country\"},\"values\":[{\"string\":\"UK\"}]},"
                + "\"window\":{\"last\":30}},\"values\":[{\"number\":3}]},{\"not\":{\"hasTag\":\"vip\"}}]}");
  }

  @Test
  void malformedJsonIsASyntaxError() {
    for (String json :
        List.of(
            "",
            "{",
            "[]",
            "{\"and\":[]}",
            "{\"and\":[{\"hasTag\":\"a\"}]}",
            "{\"op\":\"XX\"}",
            "{\"hasTag\":1}",
            "{\"hasTag\":\"a`b\"}",
            "{\"op\":\"EQ\",\"operand\":{\"attr\":\"a\"},\"values\":[]}",
            "{\"did\":{\"event\":\"o\",\"window\":{\"last\":0}}}",
            "[".repeat(500),
            "{\"hasTag\":\"a\"} x",
            "{\"op\":\"EQ\",\"operand\":{\"attr\":\"a\"},\"values\":[{\"number\":1e400}]}",
            "{\"op\":\"EQ\",\"operand\":{\"attr\":\"a\"},\"values\":[{\"date\":\"99999-01-01\"}]}")) {
      assertThatThrownBy(() -> RuleJson.read(json))
          .as(json)
          .isInstanceOf(RuleSyntaxException.class);
    }
  }

  /** Any tree the AST allows, schema or not. */
  private static final class AnyRules {
    private final Random r;

    AnyRules(Random r) {
      this.r = r;
    }

    Rule rule(int depth) {
      switch (r.nextInt(depth > 0 ? 8 : 4)) {
        case 0:
          return new Rule.HasTag(name());
        case 1:
          return new Rule.Did(
              name(),
              r.nextBoolean() && depth > 0 ? rule(depth - 1) : null,
              r.nextBoolean() ? window() : null);
        case 2:
        case 3:
          return compare(depth);
        case 4:
          return new Rule.Not(rule(depth - 1));
        default:
          List<Rule> terms = new ArrayList<>();
          for (int i = 2 + r.nextInt(2); i > 0; i--) {
            terms.add(rule(depth - 1));
          }
          return r.nextBoolean() ? new Rule.And(terms) : new Rule.Or(terms);
      }
    }

    private Rule compare(int depth) {
      Op op = Op.values()[r.nextInt(Op.values().length)];
      List<Value> values = new ArrayList<>();
      int n =
          op == Op.BETWEEN
              ? 2
              : op == Op.EXISTS || op == Op.MISSING ? 0 : op.takesList() ? 1 + r.nextInt(3) : 1;
      for (int i = 0; i < n; i++) {
        values.add(value());
      }
      return new Rule.Compare(operand(depth), op, values);
    }

    private Operand operand(int depth) {
      switch (r.nextInt(5)) {
        case 0:
          return new Operand.TagValue(name());
        case 1:
          return new Operand.TagSet();
        case 2:
          AggFn fn = AggFn.values()[r.nextInt(AggFn.values().length)];
          Rule where = depth > 0 && r.nextBoolean() ? rule(depth - 1) : null;
          return new Operand.Aggregate(
              fn,
              name(),
              r.nextBoolean() ? expr(2) : null,
              where,
              r.nextBoolean() ? window() : null);
        default:
          return new Operand.Attr(name());
      }
    }

    private Expr expr(int depth) {
      if (depth == 0 || r.nextBoolean()) {
        return r.nextBoolean() ? new Expr.Prop(name()) : new Expr.Const(number());
      }
      return new Expr.Arith("+-*/".charAt(r.nextInt(4)), expr(depth - 1), expr(depth - 1));
    }

    private Value value() {
      switch (r.nextInt(5)) {
        case 0:
          return new Value.Str(STRINGS.get(r.nextInt(STRINGS.size())));
        case 1:
          return new Value.Num(number());
        case 2:
          return new Value.Bool(r.nextBoolean());
        default:
          return date();
      }
    }

    private Value.DateValue date() {
      return r.nextBoolean()
          ? new Value.RelDate(r.nextInt(2001) - 1000)
          : new Value.Date(LocalDate.of(1 + r.nextInt(9999), 1 + r.nextInt(12), 1 + r.nextInt(28)));
    }

    private BigDecimal number() {
      return BigDecimal.valueOf(r.nextLong() % 1_000_000_000_000L, r.nextInt(7));
    }

    private Window window() {
      switch (r.nextInt(4)) {
        case 0:
          return new Window.Last(1 + r.nextInt(36_500));
        case 1:
          return new Window.Between(date(), date());
        case 2:
          return new Window.Before(date());
        default:
          return new Window.After(date());
      }
    }

    private String name() {
      return NAMES.get(r.nextInt(NAMES.size()));
    }
  }
}
