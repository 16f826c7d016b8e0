package io.tagbase.engine.rule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Conversions between the Java values of {@link FieldType}s and what the evaluators compare. */
final class RuleValues {
  static final int SECONDS_PER_DAY = 86_400;

  private RuleValues() {}

  /** {@code value} if its Java type fits {@code type}, else IllegalArgumentException. */
  static Object checked(FieldType type, Object value) {
    boolean fits =
        switch (type) {
          case STRING, ENUM -> value instanceof String;
          case NUMBER -> value instanceof Number;
          case BOOLEAN -> value instanceof Boolean;
          case DATE -> value instanceof LocalDate;
          case DATETIME -> value instanceof Instant;
          case LIST ->
              value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
        };
    if (!fits) {
      throw new IllegalArgumentException(
          type + " value expected, got " + value.getClass().getSimpleName());
    }
    return value;
  }

  /** How a NUMBER, BOOLEAN or DATETIME column holds a value: the number, 1/0, epoch second. */
  static double number(FieldType type, Object value) {
    Object v = checked(type, value);
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof Instant instant) {
      return instant.getEpochSecond();
    }
    return ((Number) v).doubleValue();
  }

  /**
   * What a comparison of a numeric type compares, NaN for null: numbers, booleans as 1/0, dates and
   * date-times as their (UTC) epoch day.
   */
  static double comparable(FieldType type, Object value) {
    if (value == null) {
      return Double.NaN;
    }
    if (type == FieldType.DATE) {
      return ((LocalDate) checked(type, value)).toEpochDay();
    }
    if (type == FieldType.DATETIME) {
      return Math.floorDiv(((Instant) checked(type, value)).getEpochSecond(), SECONDS_PER_DAY);
    }
    return number(type, value);
  }

  /** A DATETIME column's epoch second as its comparable epoch day. */
  static double dayOfSecond(double epochSecond) {
    return Double.isNaN(epochSecond)
        ? Double.NaN
        : Math.floorDiv((long) epochSecond, SECONDS_PER_DAY);
  }

  /** A literal as a number to compare with, as of {@code today}. */
  static double literal(Value value, int today) {
    if (value instanceof Value.Num n) {
      return n.value().doubleValue();
    }
    if (value instanceof Value.Bool b) {
      return b.value() ? 1 : 0;
    }
    if (value instanceof Value.DateValue d) {
      return d.epochDay(today);
    }
    return new BigDecimal(((Value.Str) value).value()).doubleValue(); // never: the checker refuses
  }
}
