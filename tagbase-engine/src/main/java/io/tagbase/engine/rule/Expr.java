package io.tagbase.engine.rule;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Arithmetic over one event's properties, aggregated by {@link Operand.Aggregate}: {@code quantity
 * * unit_price}. A missing property or a division by zero makes the value missing, and the event
 * then adds nothing to the aggregate.
 */
public sealed interface Expr {

  /** An event property by code (or alias before checking). */
  record Prop(String name) implements Expr {
    public Prop {
      Objects.requireNonNull(name, "name");
    }
  }

  record Const(BigDecimal value) implements Expr {
    public Const {
      value = Value.Num.normalized(value);
    }
  }

  /** {@code left op right} with op one of + - * /. */
  record Arith(char op, Expr left, Expr right) implements Expr {
    public Arith {
      if ("+-*/".indexOf(op) < 0) {
        throw new IllegalArgumentException("not an arithmetic operator: " + op);
      }
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    /** 2 for * and /, 1 for + and -. */
    int precedence() {
      return op == '*' || op == '/' ? 2 : 1;
    }
  }
}
