package io.tagbase.engine.rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random rules over {@link RuleWorld#SCHEMA}: every node kind, nested, type-correct. */
final class RandomRules {
  private static final Op[] ORDERED = {
    Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE, Op.BETWEEN, Op.IN, Op.NOT_IN, Op.EXISTS, Op.MISSING
  };
  private static final Op[] TEXT = {
    Op.EQ,
    Op.NE,
    Op.IN,
    Op.NOT_IN,
    Op.EXISTS,
    Op.MISSING,
    Op.CONTAINS,
    Op.STARTS_WITH,
    Op.ENDS_WITH,
    Op.MATCHES
  };
  private static final Op[] LIST = {
    Op.HAS_SOME, Op.HAS_ALL, Op.HAS_NONE, Op.CONTAINS, Op.EXISTS, Op.MISSING
  };
  private static final List<String> PATTERNS =
      List.of("^上", "o", "^L.*n$", "[0-9]", "York$", "^(ab|cd)x$", "^$");
  private static final String[] ATTRS = {
    "city", "age", "vip_level", "active", "birthday", "signup_at", "interests"
  };
  private static final String[] ALIASES = {"城市", "年龄", "会员等级", "是否活跃", "生日", "注册时间", "兴趣"};

  private final Random r;

  RandomRules(long seed) {
    this.r = new Random(seed);
  }

  Rule rule(int depth) {
    int kind = r.nextInt(depth > 0 ? 9 : 6);
    switch (kind) {
      case 0:
        return new Rule.HasTag(pick(List.of("vip", "churn_risk", "new", "rfm", "高价值客户", "RFM分层")));
      case 1:
        return did();
      case 2:
        return aggregateCompare();
      case 3:
      case 4:
        return attributeCompare();
      case 5:
        return tagCompare();
      case 6:
        return new Rule.Not(rule(depth - 1));
      default:
        List<Rule> terms = new ArrayList<>();
        for (int i = 2 + r.nextInt(2); i > 0; i--) {
          terms.add(rule(depth - 1));
        }
        return kind == 7 ? new Rule.And(terms) : new Rule.Or(terms);
    }
  }

  private Rule did() {
    String event = r.nextBoolean() ? "order" : "visit";
    return new Rule.Did(
        event, r.nextBoolean() ? where(event, 1) : null, r.nextBoolean() ? window() : null);
  }

  private Rule aggregateCompare() {
    String event = r.nextInt(3) > 0 ? "order" : "visit";
    AggFn fn = AggFn.values()[r.nextInt(AggFn.values().length)];
    Expr expr = null;
    if (fn == AggFn.DISTINCT) {
      expr =
          new Expr.Prop(
              event.equals("order") ? pick(List.of("sku", "country", "quantity")) : "page");
    } else if (fn.takesExpression()) {
      expr = event.equals("order") ? expr(2) : new Expr.Prop("seconds");
    }
    Rule where = r.nextInt(3) == 0 ? where(event, 1) : null;
    Operand agg = new Operand.Aggregate(fn, event, expr, where, r.nextBoolean() ? window() : null);
    Op op = r.nextInt(8) == 0 ? (r.nextBoolean() ? Op.EXISTS : Op.MISSING) : ORDERED[r.nextInt(7)];
    List<Value> values = new ArrayList<>();
    for (int i = op == Op.BETWEEN ? 2 : op == Op.EXISTS || op == Op.MISSING ? 0 : 1; i > 0; i--) {
      values.add(fn.isDate() ? date() : num(fn == AggFn.SUM ? 60 : fn == AggFn.AVG ? 12 : 6));
    }
    return new Rule.Compare(agg, op, values);
  }

  private Expr expr(int depth) {
    if (depth == 0 || r.nextInt(3) == 0) {
      return r.nextInt(5) == 0
          ? new Expr.Const(BigDecimal.valueOf(r.nextInt(5)))
          : new Expr.Prop(pick(List.of("quantity", "unit_price", "coupon", "数量")));
    }
    return new Expr.Arith("+-*/".charAt(r.nextInt(4)), expr(depth - 1), expr(depth - 1));
  }

  private Rule where(String event, int depth) {
    if (depth > 0 && r.nextInt(3) == 0) {
      List<Rule> terms = List.of(where(event, depth - 1), where(event, depth - 1));
      return r.nextBoolean()
          ? new Rule.And(terms)
          : r.nextBoolean() ? new Rule.Or(terms) : new Rule.Not(terms.get(0));
    }
    if (event.equals("visit")) {
      return r.nextBoolean()
          ? compare("page", TEXT, () -> str(RuleWorld.PAGES))
          : compare("seconds", ORDERED, () -> num(100));
    }
    switch (r.nextInt(4)) {
      case 0:
        return compare(r.nextBoolean() ? "country" : "国家", TEXT, () -> str(RuleWorld.COUNTRIES));
      case 1:
        return compare("quantity", ORDERED, () -> num(5));
      case 2:
        return compare(
            "coupon",
            new Op[] {Op.EQ, Op.NE, Op.EXISTS, Op.MISSING},
            () -> new Value.Bool(r.nextBoolean()));
      default:
        return compare("sku", TEXT, () -> str(RuleWorld.SKUS));
    }
  }

  private Rule attributeCompare() {
    int i = r.nextInt(ATTRS.length);
    String name = r.nextInt(4) == 0 ? ALIASES[i] : ATTRS[i];
    switch (ATTRS[i]) {
      case "city":
        return compare(name, TEXT, () -> str(RuleWorld.CITIES));
      case "age":
        return compare(name, ORDERED, () -> num(80));
      case "vip_level":
        return compare(
            name,
            new Op[] {Op.EQ, Op.NE, Op.IN, Op.NOT_IN, Op.EXISTS, Op.MISSING, Op.STARTS_WITH},
            () -> new Value.Str(pick(RuleWorld.LEVELS)));
      case "active":
        return compare(
            name,
            new Op[] {Op.EQ, Op.NE, Op.EXISTS, Op.MISSING},
            () -> new Value.Bool(r.nextBoolean()));
      case "interests":
        return compare(name, LIST, () -> str(RuleWorld.INTERESTS));
      default:
        return compare(name, ORDERED, this::date);
    }
  }

  private Rule tagCompare() {
    if (r.nextBoolean()) {
      Op[] ops = {Op.EQ, Op.NE, Op.IN, Op.NOT_IN, Op.EXISTS, Op.MISSING};
      Operand rfm = r.nextBoolean() ? new Operand.TagValue("rfm") : new Operand.Attr("RFM分层");
      return compareOn(rfm, ops, () -> new Value.Str(pick(RuleWorld.RFM)));
    }
    Op[] ops = {Op.HAS_SOME, Op.HAS_ALL, Op.HAS_NONE, Op.CONTAINS};
    return compareOn(
        new Operand.TagSet(),
        ops,
        () -> new Value.Str(pick(List.of("vip", "churn_risk", "new", "rfm", "流失风险"))));
  }

  private Rule compare(String name, Op[] ops, java.util.function.Supplier<Value> value) {
    return compareOn(new Operand.Attr(name), ops, value);
  }

  private Rule compareOn(Operand operand, Op[] ops, java.util.function.Supplier<Value> value) {
    Op op = ops[r.nextInt(ops.length)];
    List<Value> values = new ArrayList<>();
    if (op == Op.MATCHES) {
      values.add(new Value.Str(pick(PATTERNS)));
    } else {
      int n =
          op == Op.BETWEEN
              ? 2
              : op.takesList() ? 1 + r.nextInt(3) : op == Op.EXISTS || op == Op.MISSING ? 0 : 1;
      for (int i = 0; i < n; i++) {
        Value v = value.get();
        boolean part =
            op == Op.STARTS_WITH
                || op == Op.ENDS_WITH
                || op == Op.CONTAINS
                    && operand instanceof Operand.Attr a
                    && !a.name().equals("interests")
                    && !a.name().equals("兴趣");
        values.add(
            part && v instanceof Value.Str s && !s.value().isEmpty()
                ? new Value.Str(s.value().substring(0, 1 + r.nextInt(s.value().length())))
                : v);
      }
    }
    return new Rule.Compare(operand, op, values);
  }

  private Value str(List<String> pool) {
    return new Value.Str(r.nextInt(8) == 0 ? "zz" : pick(pool));
  }

  private Value num(int max) {
    return new Value.Num(
        BigDecimal.valueOf(r.nextInt(2 * max + 1) - max / 4).divide(BigDecimal.valueOf(2)));
  }

  private Value.DateValue date() {
    int back = r.nextInt(220) - 15;
    return r.nextBoolean()
        ? new Value.RelDate(-back)
        : new Value.Date(RuleWorld.DAY0.minusDays(back));
  }

  Window window() {
    switch (r.nextInt(4)) {
      case 0:
        return new Window.Last(1 + r.nextInt(90));
      case 1:
        Value.DateValue from = date();
        Value.DateValue to = date();
        if (from instanceof Value.Date a
            && to instanceof Value.Date b
            && a.value().isAfter(b.value())) {
          return new Window.Between(to, from);
        }
        return new Window.Between(from, to);
      case 2:
        return new Window.Before(date());
      default:
        return new Window.After(date());
    }
  }

  private <T> T pick(List<T> items) {
    return items.get(r.nextInt(items.size()));
  }
}
