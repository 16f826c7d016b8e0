package io.tagbase.rules;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.rule.EventDays;

/**
 * Per-day sets of the customers who did each event type, per-day tallies of their events and
 * amounts, the most recent days' events themselves, and per-customer summaries of older events,
 * kept in memory by another feature (analytics' activity days), so that a rule's event clauses read
 * them instead of the event log whenever {@link EventDays#answersAll} says they can. Days are epoch
 * days of {@code tagbase.zone}, as the rules count them.
 */
public interface RuleEventDays {
  /**
   * Makes the days readable through the current index (pairs its customer numbers with database
   * ids); call before taking the index's lock for the reads of {@link #through}. May read the
   * database.
   */
  void prepare();

  /**
   * The days as the engine reads them, by {@code dictionary}'s customer numbers. What they hold
   * ({@code covers}, {@code holdsEvents}, {@code coversAllTime}) may be asked at any time, also
   * with a null dictionary; the reads ({@code did}, {@code tally}, {@code lifetime}, {@code
   * events}) are called under the index's read lock after {@link #prepare}, and throw {@link
   * IndexRebuilt} when the index was rebuilt since. A customer that joined the index since {@code
   * prepare} is not in them (the next count has it).
   */
  EventDays through(CustomerDictionary dictionary);

  /** The index was rebuilt since its customers were paired: read the event log instead. */
  final class IndexRebuilt extends RuntimeException {
    public IndexRebuilt() {
      super("the membership index was rebuilt since its ids were paired", null, false, false);
    }
  }
}
