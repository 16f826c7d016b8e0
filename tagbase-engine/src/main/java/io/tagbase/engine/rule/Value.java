package io.tagbase.engine.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A literal on the right of a comparison. */
public sealed interface Value {

  /** Numbers beyond this magnitude are refused: they cannot be compared exactly as doubles. */
  BigDecimal LIMIT = new BigDecimal("1e15");

  /** A date or a date relative to the evaluation day; also bounds a {@link Window}. */
  sealed interface DateValue extends Value {
    /** The epoch day this value means when evaluating as of {@code today}. */
    int epochDay(int today);
  }

  record Str(String value) implements Value {
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A number, kept exact; normalized so that 1.0 and 1 are the same literal. */
  record Num(BigDecimal value) implements Value {
    public Num {
      value = normalized(value);
    }

    static BigDecimal normalized(BigDecimal value) {
      Objects.requireNonNull(value, "value");
      if (value.abs().compareTo(LIMIT) >= 0) {
        throw new IllegalArgumentException("number too large: " + value.toPlainString());
      }
      BigDecimal stripped = value.stripTrailingZeros();
      if (stripped.scale() > 9) {
        throw new IllegalArgumentException("number has too many decimals: " + value);
      }
      return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
  }

  record Bool(boolean value) implements Value {}

  record Date(LocalDate value) implements DateValue {
    public Date {
      Objects.requireNonNull(value, "value");
      if (value.getYear() < 1 || value.getYear() > 9999) {
        throw new IllegalArgumentException("year out of range 1..9999: " + value);
      }
    }

    @Override
    public int epochDay(int today) {
      return (int) value.toEpochDay();
    }
  }

  /** The evaluation day plus {@code offsetDays} (negative: before): {@code today - 30 days}. */
  record RelDate(int offsetDays) implements DateValue {
    public RelDate {
      if (Math.abs(offsetDays) > 365_000) {
        throw new IllegalArgumentException("relative date too far: " + offsetDays + " days");
      }
    }

    @Override
    public int epochDay(int today) {
      return today + offsetDays;
    }
  }
}
