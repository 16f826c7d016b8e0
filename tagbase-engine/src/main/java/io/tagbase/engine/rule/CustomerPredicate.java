package io.tagbase.engine.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A checked rule evaluated for one customer, for real-time re-evaluation after an event or an
 * attribute change: the same answer as {@link BitmapPlan} gives for that customer, from the
 * customer's own {@link CustomerRecord} instead of the whole population's columns. Also explains
 * the answer clause by clause.
 *
 * <p>Cost: one pass over the customer's events per aggregate clause; nothing per other customer.
 * Thread-safe.
 */
public final class CustomerPredicate {
  private final CheckedRule rule;

  private CustomerPredicate(CheckedRule rule) {
    this.rule = rule;
  }

  public static CustomerPredicate compile(CheckedRule rule) {
    return new CustomerPredicate(rule);
  }

  public CheckedRule rule() {
    return rule;
  }

  /** Whether the rule holds for {@code customer} as of {@code asOf}. */
  public boolean test(CustomerRecord customer, LocalDate asOf) {
    return evaluation(customer, asOf).test(rule.rule());
  }

  /** Every clause's value and whether it held, as of {@code asOf}. */
  public Explanation explain(CustomerRecord customer, LocalDate asOf) {
    return explain(rule.rule(), evaluation(customer, asOf));
  }

  private CustomerEvaluation evaluation(CustomerRecord customer, LocalDate asOf) {
    return new CustomerEvaluation(rule.schema(), customer, (int) asOf.toEpochDay());
  }

  private static Explanation explain(Rule node, CustomerEvaluation eval) {
    List<Rule> terms = new ArrayList<>();
    if (node instanceof Rule.And and) {
      terms.addAll(and.terms());
    } else if (node instanceof Rule.Or or) {
      terms.addAll(or.terms());
    } else if (node instanceof Rule.Not not && !(not.term() instanceof Rule.Did)) {
      terms.add(not.term());
    }
    List<Explanation> children = terms.stream().map(t -> explain(t, eval)).toList();
    return new Explanation(RuleText.print(node), value(node, eval), eval.test(node), children);
  }

  private static String value(Rule node, CustomerEvaluation eval) {
    if (node instanceof Rule.HasTag has) {
      return eval.test(has) ? "has the tag" : "does not have the tag";
    }
    Rule.Did did =
        node instanceof Rule.Did d
            ? d
            : node instanceof Rule.Not n && n.term() instanceof Rule.Did d ? d : null;
    if (did != null) {
      return format(eval.aggregate(CompiledAggregate.of(did, eval.schema(), eval.today())), false)
          + " events";
    }
    if (!(node instanceof Rule.Compare c) || c.operand() instanceof Operand.TagSet) {
      return "";
    }
    Object value = eval.value(c.operand());
    boolean date = c.operand() instanceof Operand.Aggregate agg && agg.fn().isDate();
    return value instanceof Double d
        ? format(d, date)
        : value == null ? "missing" : String.valueOf(value);
  }

  private static String format(double value, boolean date) {
    if (Double.isNaN(value)) {
      return "missing";
    }
    if (date) {
      return LocalDate.ofEpochDay((long) value).toString();
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.valueOf(value);
  }
}
