package io.tagbase.engine.rule;

import io.tagbase.engine.rule.Value.DateValue;
import java.util.Objects;

/**
 * Which days' events an aggregate reads. Every window also ends at the evaluation day: events after
 * it are never read, so evaluating as of a past day gives what it gave on that day.
 */
public sealed interface Window {

  /** The first day read, as of {@code today} (inclusive; Integer.MIN_VALUE for no bound). */
  int from(int today);

  /** The last day read, as of {@code today} (inclusive, never after today). */
  int to(int today);

  /** The last {@code days} days including the evaluation day: {@code today-days < day <= today}. */
  record Last(int days) implements Window {
    public Last {
      if (days < 1 || days > 36_500) {
        throw new IllegalArgumentException("last N days needs 1 <= N <= 36500, got " + days);
      }
    }

    @Override
    public int from(int today) {
      return today - days + 1;
    }

    @Override
    public int to(int today) {
      return today;
    }
  }

  /** Days from {@code from} to {@code to}, both inclusive. */
  record Between(DateValue from, DateValue to) implements Window {
    public Between {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override
    public int from(int today) {
      return from.epochDay(today);
    }

    @Override
    public int to(int today) {
      return Math.min(today, to.epochDay(today));
    }
  }

  /** Days strictly before {@code day}. */
  record Before(DateValue day) implements Window {
    public Before {
      Objects.requireNonNull(day, "day");
    }

    @Override
    public int from(int today) {
      return Integer.MIN_VALUE;
    }

    @Override
    public int to(int today) {
      return Math.min(today, day.epochDay(today) - 1);
    }
  }

  /** Days strictly after {@code day}. */
  record After(DateValue day) implements Window {
    public After {
      Objects.requireNonNull(day, "day");
    }

    @Override
    public int from(int today) {
      return day.epochDay(today) + 1;
    }

    @Override
    public int to(int today) {
      return today;
    }
  }

  /** The first day {@code window} reads (null: all time). */
  static int fromDay(Window window, int today) {
    return window == null ? Integer.MIN_VALUE : window.from(today);
  }

  /** The last day {@code window} reads (null: all time up to today). */
  static int toDay(Window window, int today) {
    return window == null ? today : window.to(today);
  }
}
