package io.tagbase.engine.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rule AST as the JSON condition tree the console's visual builder edits; {@code
 * read(write(r))} equals {@code r}. Shapes (docs/rules.md has examples):
 *
 * <pre>
 * rule     {"and":[rule…]} {"or":[rule…]} {"not":rule} {"hasTag":"vip"}
 *          {"did":{"event":"order","where":rule?,"window":window?}}
 *          {"op":"GE","operand":operand,"values":[value…]}
 * operand  {"attr":"city"} {"tag":"rfm"} {"tags":true}
 *          {"aggregate":"sum","event":"order","expression":expr?,"where":rule?,"window":window?}
 * expr     {"prop":"quantity"} {"const":2} {"arith":"*","left":expr,"right":expr}
 * value    {"string":"上海"} {"number":3} {"bool":true} {"date":"2026-01-31"} {"today":-30}
 * window   {"last":30} {"between":[date,date]} {"before":date} {"after":date}
 * </pre>
 *
 * <p>Malformed JSON, or JSON that is not a rule, is a {@link RuleSyntaxException}. Thread-safe.
 */
public final class RuleJson {
  private RuleJson() {}

  public static String write(Rule rule) {
    return Json.write(RuleJsonWriter.rule(rule));
  }

  public static Rule read(String json) {
    if (json.length() > 10 * RuleText.MAX_LENGTH) {
      throw new RuleSyntaxException(
          1, 1, "rule JSON longer than " + 10 * RuleText.MAX_LENGTH + " characters");
    }
    Object tree = Json.parse(json);
    try {
      return rule(tree);
    } catch (IllegalArgumentException
        | ClassCastException
        | NullPointerException
        | java.time.DateTimeException
        | ArithmeticException e) {
      throw new RuleSyntaxException(0, 0, "not a rule: " + e.getMessage());
    }
  }

  private static Rule rule(Object node) {
    Map<?, ?> m = object(node);
    if (m.containsKey("and")) {
      return new Rule.And(list(m.get("and")).stream().map(RuleJson::rule).toList());
    }
    if (m.containsKey("or")) {
      return new Rule.Or(list(m.get("or")).stream().map(RuleJson::rule).toList());
    }
    if (m.containsKey("not")) {
      return new Rule.Not(rule(m.get("not")));
    }
    if (m.containsKey("hasTag")) {
      return new Rule.HasTag(name(m.get("hasTag")));
    }
    if (m.containsKey("did")) {
      Map<?, ?> d = object(m.get("did"));
      return new Rule.Did(
          name(d.get("event")), optionalRule(d.get("where")), window(d.get("window")));
    }
    Op op = Op.valueOf((String) m.get("op"));
    List<Value> values = new ArrayList<>();
    list(m.get("values")).forEach(v -> values.add(value(v)));
    return new Rule.Compare(operand(m.get("operand")), op, values);
  }

  private static Rule optionalRule(Object node) {
    return node == null ? null : rule(node);
  }

  private static Operand operand(Object node) {
    Map<?, ?> m = object(node);
    if (m.containsKey("attr")) {
      return new Operand.Attr(name(m.get("attr")));
    }
    if (m.containsKey("tag")) {
      return new Operand.TagValue(name(m.get("tag")));
    }
    if (m.containsKey("tags")) {
      return new Operand.TagSet();
    }
    AggFn fn = AggFn.valueOf(((String) m.get("aggregate")).toUpperCase(Locale.ROOT));
    Object expr = m.get("expression");
    return new Operand.Aggregate(
        fn,
        name(m.get("event")),
        expr == null ? null : expr(expr),
        optionalRule(m.get("where")),
        window(m.get("window")));
  }

  private static Expr expr(Object node) {
    Map<?, ?> m = object(node);
    if (m.containsKey("prop")) {
      return new Expr.Prop(name(m.get("prop")));
    }
    if (m.containsKey("const")) {
      return new Expr.Const((BigDecimal) m.get("const"));
    }
    String op = (String) m.get("arith");
    if (op == null || op.length() != 1) {
      throw new IllegalArgumentException("not an expression: " + Json.write(node));
    }
    return new Expr.Arith(op.charAt(0), expr(m.get("left")), expr(m.get("right")));
  }

  private static Value value(Object node) {
    Map<?, ?> m = object(node);
    if (m.containsKey("string")) {
      return new Value.Str((String) java.util.Objects.requireNonNull(m.get("string"), "string"));
    }
    if (m.containsKey("number")) {
      return new Value.Num((BigDecimal) m.get("number"));
    }
    if (m.containsKey("bool")) {
      return new Value.Bool((Boolean) m.get("bool"));
    }
    return dateValue(node);
  }

  private static Value.DateValue dateValue(Object node) {
    Map<?, ?> m = object(node);
    if (m.containsKey("date")) {
      return new Value.Date(LocalDate.parse((String) m.get("date")));
    }
    return new Value.RelDate(((BigDecimal) m.get("today")).intValueExact());
  }

  private static Window window(Object node) {
    if (node == null) {
      return null;
    }
    Map<?, ?> m = object(node);
    if (m.containsKey("last")) {
      return new Window.Last(((BigDecimal) m.get("last")).intValueExact());
    }
    if (m.containsKey("between")) {
      List<?> days = list(m.get("between"));
      if (days.size() != 2) {
        throw new IllegalArgumentException("between needs two dates");
      }
      return new Window.Between(dateValue(days.get(0)), dateValue(days.get(1)));
    }
    if (m.containsKey("before")) {
      return new Window.Before(dateValue(m.get("before")));
    }
    return new Window.After(dateValue(m.get("after")));
  }

  private static Map<?, ?> object(Object node) {
    if (!(node instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("expected an object, got " + Json.write(node));
    }
    return map;
  }

  private static List<?> list(Object node) {
    if (!(node instanceof List<?> list)) {
      throw new IllegalArgumentException("expected an array, got " + Json.write(node));
    }
    return list;
  }

  /** A name the text form can also carry. */
  private static String name(Object node) {
    String name = (String) java.util.Objects.requireNonNull(node, "name");
    if (name.isEmpty()
        || name.length() > 200
        || name.indexOf('`') >= 0
        || name.indexOf('\n') >= 0
        || name.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("bad name: '" + name + "'");
    }
    return name;
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        map.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return map;
  }
}
