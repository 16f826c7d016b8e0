package io.tagbase.engine.rule;

import java.util.Map;

/**
 * A checked rule over named numbers only (such as RFM scores {@code r}, {@code f}, {@code m} and
 * {@code total}), tested against a map of those numbers: how a first-match list of named segments
 * picks a customer's segment. The rule may use AND, OR, NOT and comparisons of the numbers;
 * anything else (tags, events) is refused when compiled. Immutable; thread-safe.
 */
public final class ScorePredicate {
  private final CheckedRule rule;

  private ScorePredicate(CheckedRule rule) {
    this.rule = rule;
  }

  /** Compiles {@code rule}; IllegalArgumentException if it reads anything but attributes. */
  public static ScorePredicate compile(CheckedRule rule) {
    if (!rule.tags().isEmpty() || !rule.events().isEmpty() || rule.timeRelative()) {
      throw new IllegalArgumentException("a score condition may only compare scores: " + rule);
    }
    return new ScorePredicate(rule);
  }

  public CheckedRule rule() {
    return rule;
  }

  /** Whether the rule holds for these numbers; a name not in the map is missing. */
  public boolean test(Map<String, Double> numbers) {
    return test(rule.rule(), numbers);
  }

  private static boolean test(Rule node, Map<String, Double> numbers) {
    if (node instanceof Rule.And and) {
      return and.terms().stream().allMatch(t -> test(t, numbers));
    }
    if (node instanceof Rule.Or or) {
      return or.terms().stream().anyMatch(t -> test(t, numbers));
    }
    if (node instanceof Rule.Not not) {
      return !test(not.term(), numbers);
    }
    Rule.Compare c = (Rule.Compare) node;
    String name = ((Operand.Attr) c.operand()).name();
    Double value = numbers.get(name);
    return ValueTest.of(c.op(), c.values(), 0).number(value == null ? Double.NaN : value);
  }
}
