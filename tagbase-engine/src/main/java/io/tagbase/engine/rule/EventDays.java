package io.tagbase.engine.rule;

import io.tagbase.engine.TagBitmap;

/**
 * Who did an event of a type on which days, kept outside the event log (the server keeps these day
 * sets in memory as events are recorded), for {@code did} clauses without a filter: a segment over
 * {@code did order in last 7 days} is then a union of day sets, not a read of every event. Days are
 * epoch days in the zone the rule's days are counted in.
 */
public interface EventDays {
  /** Whether every day from {@code fromDay} to {@code toDay} (both inclusive) is held in full. */
  boolean covers(int fromDay, int toDay);

  /**
   * The customers (by the evaluation's customer numbers) with at least one event of {@code type} on
   * a day from {@code fromDay} to {@code toDay} (inclusive; none when {@code toDay < fromDay}), as
   * a bitmap the caller owns. Only asked for days it {@linkplain #covers covers}.
   */
  TagBitmap did(String type, int fromDay, int toDay);

  /**
   * Whether {@code days} answer every event clause of {@code rule} as of {@code today}: each is a
   * {@code did} without a filter, with a window whose days are covered (all time is not), and no
   * aggregate (counts, sums, first/last) is used. When true the rule needs no event log.
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
      return answers(did, today, days);
    }
    if (rule instanceof Rule.Compare c) {
      return !(c.operand() instanceof Operand.Aggregate);
    }
    return true; // a tag
  }

  /** Whether {@code days} answer this one clause as of {@code today}. */
  static boolean answers(Rule.Did did, int today, EventDays days) {
    if (days == null || did.where() != null || did.window() == null) {
      return false;
    }
    int from = did.window().from(today);
    int to = did.window().to(today);
    return to < from || days.covers(from, to);
  }
}
