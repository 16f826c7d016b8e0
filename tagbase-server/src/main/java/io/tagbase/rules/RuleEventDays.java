package io.tagbase.rules;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagBitmap;

/**
 * Per-day sets of the customers who did each event type, and per-day tallies of their events and
 * amounts, kept in memory by another feature (analytics' activity days), so that a rule's {@code
 * did}, {@code count} and {@code sum(…, amount, …)} clauses without a filter, over recent days,
 * read them instead of the event log; and for the most recent days the events themselves, so any
 * clause over those days does too. Days are epoch days of {@code tagbase.zone}, as the rules count
 * them.
 */
public interface RuleEventDays {
  /** Whether every day from {@code fromDay} to {@code toDay} (inclusive) is held in full now. */
  boolean covers(int fromDay, int toDay);

  /**
   * Makes the sets readable through the current index (pairs its customer numbers with database
   * ids); call before taking the index's lock for {@link #did}. May read the database.
   */
  void prepare();

  /**
   * The customers, by {@code dictionary}'s numbers, with at least one event of {@code type} on a
   * day from {@code fromDay} to {@code toDay}; called under the index's read lock after {@link
   * #prepare}. A customer that joined the index since {@code prepare} is not in it (the next count
   * has it). Throws {@link IllegalStateException} when the index was rebuilt since.
   */
  TagBitmap did(String type, int fromDay, int toDay, CustomerDictionary dictionary);

  /**
   * Per customer, by {@code dictionary}'s numbers: the number of events of {@code type} on the days
   * from {@code fromDay} to {@code toDay} ({@code COUNT}), or the sum of their amounts ({@code
   * SUM}, 0 without any); under the same conditions as {@link #did}.
   */
  double[] tally(
      io.tagbase.engine.rule.AggFn fn,
      String type,
      int fromDay,
      int toDay,
      CustomerDictionary dictionary);

  /**
   * Whether every event up to {@code toDay} (inclusive) is summed up now, so all-time counts,
   * amount sums and first and last days can come from {@link #lifetime}.
   */
  boolean coversAllTime(int toDay);

  /**
   * Per customer, by {@code dictionary}'s numbers, over all events of {@code type} up to {@code
   * toDay}: how many ({@code COUNT}), their amounts' sum ({@code SUM}), or the epoch day of the
   * first or last ({@code FIRST}, {@code LAST}; NaN without any); under the same conditions as
   * {@link #did}.
   */
  double[] lifetime(
      io.tagbase.engine.rule.AggFn fn, String type, int toDay, CustomerDictionary dictionary);

  /**
   * Whether the events themselves (with their properties) of every day from {@code fromDay} to
   * {@code toDay} (inclusive) are held in full now, so any clause over them can read {@link
   * #events}.
   */
  boolean holdsEvents(int fromDay, int toDay);

  /**
   * {@code work} over the held events of {@code type} on the days from {@code fromDay} to {@code
   * toDay}, as runs whose customers are {@code dictionary}'s numbers; under the same conditions as
   * {@link #did}. The runs stay unchanged while it works (writers of the days wait).
   */
  <T> T events(
      String type,
      int fromDay,
      int toDay,
      CustomerDictionary dictionary,
      java.util.function.Function<java.util.List<io.tagbase.engine.rule.EventRun>, T> work);
}
