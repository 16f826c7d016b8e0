package io.tagbase.engine.rule;

import static io.tagbase.engine.rule.RuleJson.map;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The rule AST as JSON trees (maps and lists) for {@link RuleJson#write}. */
final class RuleJsonWriter {
  private RuleJsonWriter() {}

  static Object rule(Rule rule) {
    if (rule == null) {
      return null;
    }
    if (rule instanceof Rule.And and) {
      return map("and", and.terms().stream().map(RuleJsonWriter::rule).toList());
    }
    if (rule instanceof Rule.Or or) {
      return map("or", or.terms().stream().map(RuleJsonWriter::rule).toList());
    }
    if (rule instanceof Rule.Not not) {
      return map("not", rule(not.term()));
    }
    if (rule instanceof Rule.HasTag has) {
      return map("hasTag", has.tag());
    }
    if (rule instanceof Rule.Did did) {
      return map(
          "did",
          map("event", did.event(), "where", rule(did.where()), "window", window(did.window())));
    }
    Rule.Compare c = (Rule.Compare) rule;
    List<Object> values = c.values().stream().map(RuleJsonWriter::value).toList();
    return map("op", c.op().name(), "operand", operand(c.operand()), "values", values);
  }

  private static Object operand(Operand operand) {
    if (operand instanceof Operand.Attr attr) {
      return map("attr", attr.name());
    }
    if (operand instanceof Operand.TagValue tag) {
      return map("tag", tag.tag());
    }
    if (operand instanceof Operand.TagSet) {
      return map("tags", true);
    }
    Operand.Aggregate a = (Operand.Aggregate) operand;
    return map(
        "aggregate", a.fn().name().toLowerCase(Locale.ROOT),
        "event", a.event(),
        "expression", expr(a.expression()),
        "where", rule(a.where()),
        "window", window(a.window()));
  }

  private static Object expr(Expr expr) {
    if (expr == null) {
      return null;
    }
    if (expr instanceof Expr.Prop p) {
      return map("prop", p.name());
    }
    if (expr instanceof Expr.Const c) {
      return map("const", c.value());
    }
    Expr.Arith a = (Expr.Arith) expr;
    return map("arith", String.valueOf(a.op()), "left", expr(a.left()), "right", expr(a.right()));
  }

  private static Object value(Value value) {
    if (value instanceof Value.Str s) {
      return map("string", s.value());
    }
    if (value instanceof Value.Num n) {
      return map("number", n.value());
    }
    if (value instanceof Value.Bool b) {
      return map("bool", b.value());
    }
    if (value instanceof Value.Date d) {
      return map("date", d.value().toString());
    }
    return map("today", BigDecimal.valueOf(((Value.RelDate) value).offsetDays()));
  }

  private static Object window(Window window) {
    if (window == null) {
      return null;
    }
    if (window instanceof Window.Last last) {
      return map("last", BigDecimal.valueOf(last.days()));
    }
    if (window instanceof Window.Between b) {
      return map("between", List.of(value(b.from()), value(b.to())));
    }
    if (window instanceof Window.Before b) {
      return map("before", value(b.day()));
    }
    return map("after", value(((Window.After) window).day()));
  }
}
