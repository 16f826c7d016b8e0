package io.tagbase.engine.rule;

import io.tagbase.engine.rule.CompareChecker.Typed;
import io.tagbase.engine.rule.RuleSchema.Event;
import io.tagbase.engine.rule.RuleSchema.Field;
import java.util.List;
import java.util.Optional;

/** Checks a behaviour aggregate: its event, filter, window and expression. */
final class AggregateChecker {
  private final RuleChecker checker;

  AggregateChecker(RuleChecker checker) {
    this.checker = checker;
  }

  /** The resolved aggregate with its type (NUMBER, or DATE for first/last), or null on error. */
  Typed aggregate(Operand.Aggregate agg) {
    Optional<Event> found = checker.event(agg, agg.event());
    Window window = checker.window(agg.window());
    if (found.isEmpty()) {
      return null;
    }
    Event event = found.get();
    Rule where = agg.where() == null ? null : checker.rule(agg.where(), event);
    Expr expr = null;
    if (agg.fn().takesExpression() && agg.expression() == null) {
      checker.error(agg, agg.fn().text() + " needs a property or an expression", null);
    } else if (!agg.fn().takesExpression() && agg.expression() != null) {
      checker.error(agg, agg.fn().text() + " takes no expression", null);
    } else if (agg.expression() != null) {
      boolean anyType = agg.fn() == AggFn.DISTINCT && agg.expression() instanceof Expr.Prop;
      expr = expression(agg.expression(), event, anyType);
    }
    Operand resolved = new Operand.Aggregate(agg.fn(), event.code(), expr, where, window);
    FieldType type = agg.fn().isDate() ? FieldType.DATE : FieldType.NUMBER;
    String label = agg.fn().text() + " of '" + event.code() + "'";
    return new Typed(resolved, type, List.of(), label);
  }

  private Expr expression(Expr expr, Event event, boolean anyType) {
    if (expr instanceof Expr.Const) {
      return expr;
    }
    if (expr instanceof Expr.Prop prop) {
      Optional<Field> field = checker.property(prop, event, prop.name());
      if (field.isEmpty()) {
        return prop;
      }
      FieldType type = field.get().type();
      if (!anyType && type != FieldType.NUMBER && type != FieldType.BOOLEAN) {
        String message = "property '" + field.get().code() + "' is " + type + ", not a number";
        checker.error(prop, message, null);
      }
      return new Expr.Prop(field.get().code());
    }
    Expr.Arith a = (Expr.Arith) expr;
    return new Expr.Arith(
        a.op(), expression(a.left(), event, false), expression(a.right(), event, false));
  }
}
