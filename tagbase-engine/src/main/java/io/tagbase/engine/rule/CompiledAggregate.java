package io.tagbase.engine.rule;

import io.tagbase.engine.rule.RuleSchema.Event;
import io.tagbase.engine.rule.RuleSchema.Field;
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

  /**
   * The distinct key of one event as a number: the expression's value, or for a text property its
   * dictionary code from the log (NaN: missing).
   */
  double keyOf(EventLog log, int row, EventView e) {
    if (textKey) {
      int code = log.stringCode(((Expr.Prop) expression).name(), row);
      return code == 0 ? Double.NaN : code;
    }
    return valueOf(e);
  }

  /** The expression's value for one event (NaN: none, or no expression, or a text key). */
  double valueOf(EventView e) {
    return expression == null || textKey ? Double.NaN : value(expression, e);
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
