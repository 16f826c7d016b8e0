package io.tagbase.engine.rule;

import io.tagbase.engine.TagBitmap;
import java.util.List;

/**
 * Who did an event of a type on which days, and how many times for how much, kept outside the event
 * log (the server keeps these in memory as events are recorded), for clauses without a filter: a
 * segment over {@code did order in last 7 days} is then a union of day sets, and one over {@code
 * count(order, last 30 days) >= 3} or {@code sum(order, amount, last 30 days) > 1000} a sum of
 * per-day tallies, not a read of every event. When the days also hold the events themselves, {@code
 * count(order where category = "shoes", last 30 days) >= 2} and any other aggregate over those days
 * read them as {@link EventRun}s instead of the log. Days are epoch days in the zone the rule's
 * days are counted in.
 */
public interface EventDays {
  /** The event property whose sums the tallies keep: the event's amount. */
  String AMOUNT = "amount";

  /** Whether every day from {@code fromDay} to {@code toDay} (both inclusive) is held in full. */
  boolean covers(int fromDay, int toDay);

  /**
   * The customers (by the evaluation's customer numbers) with at least one event of {@code type} on
   * a day from {@code fromDay} to {@code toDay} (inclusive; none when {@code toDay < fromDay}), as
   * a bitmap the caller owns. Only asked for days it {@linkplain #covers covers}.
   */
  TagBitmap did(String type, int fromDay, int toDay);

  /**
   * Per customer, by the evaluation's numbers, in an array of {@code capacity} the caller owns: the
   * number of events of {@code type} on the days from {@code fromDay} to {@code toDay} (inclusive)
   * for {@link AggFn#COUNT}, or the sum of their {@linkplain #AMOUNT amounts} for {@link AggFn#SUM}
   * (0 without any). Only asked for days it {@linkplain #covers covers}, with {@code toDay >=
   * fromDay}.
   */
  double[] tally(AggFn fn, String type, int fromDay, int toDay, int capacity);

  /**
   * Whether every event up to {@code toDay} (inclusive) is summed up, so all-time counts, amount
   * sums, first and last days can come from {@link #lifetime}. None by default.
   */
  default boolean coversAllTime(int toDay) {
    return false;
  }

  /**
   * Per customer, by the evaluation's numbers, over all events of {@code type} up to {@code toDay}
   * (inclusive): the number of events ({@link AggFn#COUNT}, 0 without any), the sum of their
   * {@linkplain #AMOUNT amounts} ({@link AggFn#SUM}, 0 without any), or the epoch day of the first
   * or last ({@link AggFn#FIRST}, {@link AggFn#LAST}; NaN without any). Only asked when {@link
   * #coversAllTime} holds.
   */
  default double[] lifetime(AggFn fn, String type, int toDay, int capacity) {
    throw new UnsupportedOperationException("all time is not summed up");
  }

  /**
   * The measure an {@link io.tagbase.engine.ActivityDays} sums up over all time for {@code fn}:
   * {@code COUNT}, {@code SUM} (of the amount), {@code FIRST} or {@code LAST}.
   */
  static io.tagbase.engine.ActivityDays.Lifetime lifetimeMeasure(AggFn fn) {
    return switch (fn) {
      case COUNT -> io.tagbase.engine.ActivityDays.Lifetime.COUNT;
      case SUM -> io.tagbase.engine.ActivityDays.Lifetime.AMOUNT;
      case FIRST -> io.tagbase.engine.ActivityDays.Lifetime.FIRST;
      case LAST -> io.tagbase.engine.ActivityDays.Lifetime.LAST;
      default -> throw new IllegalArgumentException("not summed up over all time: " + fn);
    };
  }

  /**
   * Whether the events themselves (with their properties) of every day from {@code fromDay} to
   * {@code toDay} (inclusive) are held in full, so any clause over those days, filtered or not, can
   * read them through {@link #events}. None by default.
   */
  default boolean holdsEvents(int fromDay, int toDay) {
    return false;
  }

  /**
   * Hands {@code work} the held events of {@code type} on the days from {@code fromDay} to {@code
   * toDay} (inclusive), as runs whose customers are the evaluation's numbers, and returns what it
   * returns; the runs stay unchanged while it works. Only asked for days it {@linkplain
   * #holdsEvents holds}.
   */
  default <T> T events(
      String type, int fromDay, int toDay, java.util.function.Function<List<EventRun>, T> work) {
    throw new UnsupportedOperationException("no events are held");
  }

  /**
   * Whether {@code days} answer every event clause of {@code rule} as of {@code today}: each is a
   * {@code did}, {@code count} or {@code sum} of the amount, without a filter, with a window whose
   * days are covered or over all time when {@linkplain #coversAllTime summed up} (then also a first
   * or last day or days since), or any clause with a window whose events are {@linkplain
   * #holdsEvents held}. When true the rule needs no event log.
   */
  static boolean answersAll(Rule rule, int today, EventDays days) {
    if (rule instanceof Rule.And and) {
      return and.terms().stream().allMatch(t -> answersAll(t, today, days));
    }
    if (rule instanceof Rule.Or or) {
      return or.terms().stream().allMatch(t -> answersAll(t, today, days));
    }
    if (rule instanceof Rule.Not not) {
      return answersAll(not.term(), today, days);
    }
    if (rule instanceof Rule.Did did) {
      return answers(did, today, days) || held(did.window(), today, days);
    }
    if (rule instanceof Rule.Compare c) {
      return !(c.operand() instanceof Operand.Aggregate agg)
          || answers(agg, today, days)
          || held(agg.window(), today, days);
    }
    return true; // a tag
  }

  /** Whether {@code days} hold the events of {@code window} as of {@code today}. */
  static boolean held(Window window, int today, EventDays days) {
    if (days == null || window == null) {
      return false; // all time
    }
    int from = window.from(today);
    int to = window.to(today);
    return to < from || from != Integer.MIN_VALUE && days.holdsEvents(from, to);
  }

  /** Whether {@code days} answer this one clause as of {@code today}. */
  static boolean answers(Rule.Did did, int today, EventDays days) {
    if (days == null || did.where() != null) {
      return false;
    }
    return did.window() == null ? days.coversAllTime(today) : covered(did.window(), today, days);
  }

  /**
   * Whether {@code days} answer this aggregate as of {@code today} without a filter: a count, or a
   * sum of the amount, over a covered window; or over all time, also a first or last day and days
   * since, when all time is summed up.
   */
  static boolean answers(Operand.Aggregate agg, int today, EventDays days) {
    boolean tallied =
        agg.fn() == AggFn.COUNT
            || agg.fn() == AggFn.SUM
                && agg.expression() instanceof Expr.Prop p
                && p.name().equals(AMOUNT);
    if (days == null || agg.where() != null) {
      return false;
    }
    if (agg.window() == null) { // all time: counts, amount sums and days are summed up
      return (tallied || agg.fn().isDate() || isSince(agg.fn())) && days.coversAllTime(today);
    }
    return tallied && covered(agg.window(), today, days);
  }

  private static boolean isSince(AggFn fn) {
    return fn == AggFn.DAYS_SINCE_FIRST || fn == AggFn.DAYS_SINCE_LAST;
  }

  private static boolean covered(Window window, int today, EventDays days) {
    if (window == null) {
      return false; // all time
    }
    int from = window.from(today);
    int to = window.to(today);
    return to < from || days.covers(from, to);
  }
}
