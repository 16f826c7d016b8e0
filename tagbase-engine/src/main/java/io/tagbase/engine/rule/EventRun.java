package io.tagbase.engine.rule;

import io.tagbase.engine.DayEvents;
import java.util.function.IntUnaryOperator;

/**
 * Events of one type as a whole-population pass reads them: rows, each with a customer (by the
 * evaluation's numbers), a day and property columns. The {@link EventLog} is one run per type; the
 * server's kept days of events ({@link EventDays#events}) are one run per day. Columns follow the
 * log: numbers (booleans 1/0) with NaN where missing, texts as code + 1 with 0 where missing, codes
 * being the run's own.
 *
 * <p>A run is read only and, while a pass reads it, not changed.
 */
public interface EventRun {
  /** How many rows the pass visits. */
  int size();

  /** The column index of the {@code i}-th row visited, {@code 0 <= i < size()}. */
  int row(int i);

  /** The customer of {@code row}, by the evaluation's numbers; negative when not in it. */
  int customer(int row);

  /** The epoch day of {@code row}. */
  int day(int row);

  /** The number column of {@code property} (NaN where missing) or null; read only. */
  double[] numbers(String property);

  /** The text codes + 1 of {@code property} (0 where missing) or null; read only. */
  int[] texts(String property);

  /** How many text codes {@code property} may have: every code is below this. */
  int textCount(String property);

  /** The text of {@code property} whose code is {@code code}. */
  String text(String property, int code);

  /**
   * A day of kept events as a run, its stored ids turned into the evaluation's numbers by {@code
   * customerOf} (negative: not in the evaluation), once per row visited.
   */
  static EventRun of(DayEvents events, IntUnaryOperator customerOf) {
    int day = events.day();
    int size = events.size();
    return new EventRun() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public int row(int i) {
        return i;
      }

      @Override
      public int customer(int row) {
        return customerOf.applyAsInt(events.storedId(row));
      }

      @Override
      public int day(int row) {
        return day;
      }

      @Override
      public double[] numbers(String property) {
        return events.numbers(property);
      }

      @Override
      public int[] texts(String property) {
        return events.texts(property);
      }

      @Override
      public int textCount(String property) {
        return events.textCount(property);
      }

      @Override
      public String text(String property, int code) {
        return events.text(property, code);
      }
    };
  }
}
