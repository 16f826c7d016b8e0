package io.tagbase.engine.rule;

import io.tagbase.engine.rule.RuleSchema.Event;
import io.tagbase.engine.rule.RuleSchema.Field;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.Predicate;

/**
 * An aggregate (or a {@code did}) fixed as of an evaluation day: which events qualify (type, days,
 * where filter) and what each adds (expression value, distinct key). Immutable.
 */
final class CompiledAggregate {
  final AggFn fn;
  final String event;
  final int today;
  private final int from;
  private final int to;
  private final Predicate<EventView> filter;
  private final Expr expression;
  private final boolean textKey;
  private final Rule where;
  private final Event type;

  CompiledAggregate(
      AggFn fn,
      String event,
      Expr expression,
      Rule where,
      Window window,
      RuleSchema schema,
      int today) {
    Event type = schema.event(event).orElseThrow();
    this.fn = fn;
    this.event = type.code();
    this.today = today;
    this.from = Window.fromDay(window, today);
    this.to = Window.toDay(window, today);
    this.filter = where == null ? e -> true : filter(where, type, today);
    this.expression = expression;
    this.where = where;
    this.type = type;
    this.textKey =
        expression instanceof Expr.Prop p
            && type.property(p.name()).map(f -> f.type().isText()).orElse(false);
  }

  static CompiledAggregate of(Operand.Aggregate agg, RuleSchema schema, int today) {
    return new CompiledAggregate(
        agg.fn(), agg.event(), agg.expression(), agg.where(), agg.window(), schema, today);
  }

  static CompiledAggregate of(Rule.Did did, RuleSchema schema, int today) {
    return new CompiledAggregate(
        AggFn.COUNT, did.event(), null, did.where(), did.window(), schema, today);
  }

  /** Whether {@code other} accepts exactly the same events (type, days and filter). */
  boolean sameEvents(CompiledAggregate other) {
    return event.equals(other.event)
        && from == other.from
        && to == other.to
        && java.util.Objects.equals(where, other.where);
  }

  /** Whether an event of this type on {@code day} counts. */
  boolean accepts(int day, EventView e) {
    return day >= from && day <= to && filter.test(e);
  }

  /** The window's first day (Integer.MIN_VALUE: no bound). */
  int fromDay() {
    return from;
  }

  /** The window's last day. */
  int toDay() {
    return to;
  }

  /** Whether an event on {@code day} is inside the window. */
  boolean acceptsDay(int day) {
    return day >= from && day <= to;
  }

  /**
   * The where filter over a run's rows, reading its property columns directly (resolved once per
   * run; a text test runs once per distinct value), for passes over every row; the same test as
   * {@link #accepts} apart from the day.
   */
  IntPredicate rowFilter(EventRun run) {
    return where == null ? row -> true : rowFilter(where, type, run, today);
  }

  private static IntPredicate rowFilter(Rule where, Event type, EventRun run, int today) {
    if (where instanceof Rule.And and) {
      return and.terms().stream()
          .map(t -> rowFilter(t, type, run, today))
          .reduce(IntPredicate::and)
          .orElseThrow();
    }
    if (where instanceof Rule.Or or) {
      return or.terms().stream()
          .map(t -> rowFilter(t, type, run, today))
          .reduce(IntPredicate::or)
          .orElseThrow();
    }
    if (where instanceof Rule.Not not) {
      return rowFilter(not.term(), type, run, today).negate();
    }
    Rule.Compare c = (Rule.Compare) where;
    String name = ((Operand.Attr) c.operand()).name();
    Field property = type.property(name).orElseThrow();
    ValueTest test = ValueTest.of(c.op(), c.values(), today);
    if (property.type().isText()) {
      int[] codes = run.texts(name);
      boolean missing = test.string(null);
      if (codes == null) {
        return row -> missing;
      }
      byte[] known = new byte[run.textCount(name) + 1]; // 0: not tested yet, 1: fails, 2: passes
      known[0] = (byte) (missing ? 2 : 1);
      return row -> {
        int code = codes[row];
        byte k = known[code];
        if (k == 0) {
          k = (byte) (test.string(run.text(name, code - 1)) ? 2 : 1);
          known[code] = k;
        }
        return k == 2;
      };
    }
    double[] column = run.numbers(name);
    return column == null ? row -> test.number(Double.NaN) : row -> test.number(column[row]);
  }

  /**
   * The expression's value per row of a run (NaN: none), or for a distinct count over a text
   * property a key from {@code keys}, equal for equal texts across the runs of one pass; columns
   * resolved once per run.
   */
  IntToDoubleFunction rowValue(EventRun run, TextKeys keys) {
    if (expression == null) {
      return row -> Double.NaN;
    }
    if (textKey) {
      String name = ((Expr.Prop) expression).name();
      int[] codes = run.texts(name);
      if (codes == null) {
        return row -> Double.NaN;
      }
      int[] keyOf = new int[run.textCount(name) + 1]; // 0: not looked up yet
      return row -> {
        int code = codes[row];
        if (code == 0) {
          return Double.NaN;
        }
        int key = keyOf[code];
        if (key == 0) {
          key = keys.key(run.text(name, code - 1));
          keyOf[code] = key;
        }
        return key;
      };
    }
    return rowValue(expression, run);
  }

  /** Keys for texts, 1 and up, equal for equal texts: one per pass (and thread). */
  static final class TextKeys {
    private final java.util.Map<String, Integer> keys = new java.util.HashMap<>();

    int key(String text) {
      return keys.computeIfAbsent(text, t -> keys.size() + 1);
    }
  }

  private static IntToDoubleFunction rowValue(Expr expr, EventRun run) {
    if (expr instanceof Expr.Prop p) {
      double[] column = run.numbers(p.name());
      return column == null ? row -> Double.NaN : row -> column[row];
    }
    if (expr instanceof Expr.Const c) {
      double value = c.value().doubleValue();
      return row -> value;
    }
    Expr.Arith a = (Expr.Arith) expr;
    var left = rowValue(a.left(), run);
    var right = rowValue(a.right(), run);
    switch (a.op()) {
      case '+':
        return row -> left.applyAsDouble(row) + right.applyAsDouble(row);
      case '-':
        return row -> left.applyAsDouble(row) - right.applyAsDouble(row);
      case '*':
        return row -> left.applyAsDouble(row) * right.applyAsDouble(row);
      default:
        return row -> {
          double r = right.applyAsDouble(row);
          return r == 0 ? Double.NaN : left.applyAsDouble(row) / r;
        };
    }
  }

  void add(Accumulator acc, int day, EventView e) {
    double value = expression == null || textKey ? Double.NaN : value(expression, e);
    Object key = null;
    if (fn == AggFn.DISTINCT) {
      key =
          textKey
              ? e.string(((Expr.Prop) expression).name())
              : Double.isNaN(value) ? null : (Object) value;
    }
    acc.add(day, value, key);
  }

  static double value(Expr expr, EventView e) {
    if (expr instanceof Expr.Prop p) {
      return e.number(p.name());
    }
    if (expr instanceof Expr.Const c) {
      return c.value().doubleValue();
    }
    Expr.Arith a = (Expr.Arith) expr;
    double l = value(a.left(), e);
    double r = value(a.right(), e);
    switch (a.op()) {
      case '+':
        return l + r;
      case '-':
        return l - r;
      case '*':
        return l * r;
      default:
        return r == 0 ? Double.NaN : l / r;
    }
  }

  /** A where filter as a predicate on one event of {@code type}. */
  static Predicate<EventView> filter(Rule where, Event type, int today) {
    if (where instanceof Rule.And and) {
      return and.terms().stream()
          .map(t -> filter(t, type, today))
          .reduce(Predicate::and)
          .orElseThrow();
    }
    if (where instanceof Rule.Or or) {
      return or.terms().stream()
          .map(t -> filter(t, type, today))
          .reduce(Predicate::or)
          .orElseThrow();
    }
    if (where instanceof Rule.Not not) {
      return filter(not.term(), type, today).negate();
    }
    Rule.Compare c = (Rule.Compare) where;
    String name = ((Operand.Attr) c.operand()).name();
    Field property = type.property(name).orElseThrow();
    ValueTest test = ValueTest.of(c.op(), c.values(), today);
    return property.type().isText()
        ? e -> test.string(e.string(name))
        : e -> test.number(e.number(name));
  }
}
