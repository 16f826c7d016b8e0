package io.tagbase.engine.rule;

import java.util.Collection;
import java.util.List;

/**
 * One comparison's operator and literals, ready to test values: numbers (and dates as epoch days,
 * booleans as 1/0; NaN is missing), strings (null is missing) or string lists (null is missing).
 * Every operator but {@code missing} is false on a missing value. Shared by the bitmap plan and the
 * per-customer predicate, so both compare alike. Immutable; thread-safe.
 */
final class ValueTest {
  final Op op;
  private final double[] numbers;
  private final List<String> strings;
  private final SafeRegex regex;

  private ValueTest(Op op, double[] numbers, List<String> strings, SafeRegex regex) {
    this.op = op;
    this.numbers = numbers;
    this.strings = strings;
    this.regex = regex;
  }

  /** A test of {@code op} against {@code values}, with relative dates fixed as of {@code today}. */
  static ValueTest of(Op op, List<Value> values, int today) {
    boolean text = values.stream().anyMatch(v -> v instanceof Value.Str);
    double[] numbers =
        text
            ? new double[0]
            : values.stream().mapToDouble(v -> RuleValues.literal(v, today)).toArray();
    List<String> strings =
        text ? values.stream().map(v -> ((Value.Str) v).value()).toList() : List.of();
    SafeRegex regex = op == Op.MATCHES ? SafeRegex.compile(strings.get(0)) : null;
    return new ValueTest(op, numbers, strings, regex);
  }

  boolean number(double v) {
    if (Double.isNaN(v)) {
      return op == Op.MISSING;
    }
    switch (op) {
      case EXISTS:
        return true;
      case EQ:
        return v == numbers[0];
      case NE:
        return v != numbers[0];
      case LT:
        return v < numbers[0];
      case LE:
        return v <= numbers[0];
      case GT:
        return v > numbers[0];
      case GE:
        return v >= numbers[0];
      case BETWEEN:
        return numbers[0] <= v && v <= numbers[1];
      case IN:
      case NOT_IN:
        boolean found = false;
        for (double n : numbers) {
          found |= v == n;
        }
        return found == (op == Op.IN);
      default:
        return false;
    }
  }

  boolean string(String v) {
    if (v == null) {
      return op == Op.MISSING;
    }
    switch (op) {
      case EXISTS:
        return true;
      case EQ:
      case IN:
        return strings.contains(v);
      case NE:
      case NOT_IN:
        return !strings.contains(v);
      case CONTAINS:
        return v.contains(strings.get(0));
      case STARTS_WITH:
        return v.startsWith(strings.get(0));
      case ENDS_WITH:
        return v.endsWith(strings.get(0));
      case MATCHES:
        return regex.matches(v);
      default:
        return false;
    }
  }

  boolean list(Collection<String> v) {
    if (v == null) {
      return op == Op.MISSING;
    }
    switch (op) {
      case EXISTS:
        return true;
      case CONTAINS:
      case HAS_SOME:
        return strings.stream().anyMatch(v::contains);
      case HAS_ALL:
        return v.containsAll(strings);
      case HAS_NONE:
        return strings.stream().noneMatch(v::contains);
      default:
        return false;
    }
  }
}
