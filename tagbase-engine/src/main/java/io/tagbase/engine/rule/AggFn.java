package io.tagbase.engine.rule;

/**
 * A behaviour aggregate over the events of one type that pass a filter within a window. Counts and
 * sums of no events are 0; the others are missing when no event (or no value) qualifies.
 */
public enum AggFn {
  /** Number of events. */
  COUNT("count"),
  /** Number of distinct non-missing values of a property. */
  DISTINCT("distinct count"),
  /** Sum of an expression over the events where it has a value. */
  SUM("sum"),
  AVG("avg"),
  MIN("min"),
  MAX("max"),
  /** Day of the first event (a date). */
  FIRST("first"),
  /** Day of the last event (a date). */
  LAST("last"),
  /** Whole days from the first event to the evaluation day. */
  DAYS_SINCE_FIRST("days since first"),
  /** Whole days from the last event to the evaluation day. */
  DAYS_SINCE_LAST("days since last");

  private final String text;

  AggFn(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** Whether the aggregate reads an expression over event properties. */
  public boolean takesExpression() {
    return this == DISTINCT || this == SUM || this == AVG || this == MIN || this == MAX;
  }

  /** Whether the aggregate's value is a date (else a number). */
  public boolean isDate() {
    return this == FIRST || this == LAST;
  }
}
