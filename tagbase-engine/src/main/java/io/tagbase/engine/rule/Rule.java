package io.tagbase.engine.rule;

import java.util.List;
import java.util.Objects;

/**
 * A rule: a boolean condition over one customer's attributes, tags and events, as of an evaluation
 * day. Immutable data (the AST of the rule language); {@link RuleText} parses and prints it, {@link
 * RuleJson} is the same tree as the console's JSON condition tree, {@link RuleChecker} checks it
 * against a {@link RuleSchema}, and {@link BitmapPlan} / {@link CustomerPredicate} evaluate it.
 *
 * <p>Inside a {@code where} filter of an event, the same nodes describe the event: an {@link
 * Operand.Attr} there names an event property.
 */
public sealed interface Rule {

  /** Every term holds. At least two terms (the parser never makes fewer). */
  record And(List<Rule> terms) implements Rule {
    public And {
      terms = atLeastTwo(terms, "and");
    }
  }

  /** At least one term holds. At least two terms. */
  record Or(List<Rule> terms) implements Rule {
    public Or {
      terms = atLeastTwo(terms, "or");
    }
  }

  /** The term does not hold (a missing value makes a comparison false, so its NOT true). */
  record Not(Rule term) implements Rule {
    public Not {
      Objects.requireNonNull(term, "term");
    }
  }

  /**
   * The operand compared by {@code op} with {@code values} (none for exists/missing, two for
   * between, one or more for lists). Every operator but {@code missing} is false on a missing
   * value.
   */
  record Compare(Operand operand, Op op, List<Value> values) implements Rule {
    public Compare {
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(op, "op");
      values = List.copyOf(values);
      if (!op.takes(values.size())) {
        throw new IllegalArgumentException(op + " does not take " + values.size() + " values");
      }
    }
  }

  /** The customer has the tag (for a layered tag: any value of it). */
  record HasTag(String tag) implements Rule {
    public HasTag {
      Objects.requireNonNull(tag, "tag");
    }
  }

  /**
   * The customer did the event (at least one event of the type that passes {@code where}, null for
   * all, within {@code window}, null for all time up to the evaluation day).
   */
  record Did(String event, Rule where, Window window) implements Rule {
    public Did {
      Objects.requireNonNull(event, "event");
    }
  }

  private static List<Rule> atLeastTwo(List<Rule> terms, String what) {
    List<Rule> copy = List.copyOf(terms);
    if (copy.size() < 2) {
      throw new IllegalArgumentException(what + " needs at least two terms, got " + copy.size());
    }
    return copy;
  }
}
