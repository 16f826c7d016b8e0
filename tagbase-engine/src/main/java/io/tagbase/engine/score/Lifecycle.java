package io.tagbase.engine.score;

/**
 * Lifecycle stages from the days of a customer's qualifying orders, as of an evaluation day, first
 * match wins:
 *
 * <ol>
 *   <li>NEW: the first order is at most {@code newDays} days old;
 *   <li>WON_BACK: the last order is at most {@code activeDays} old and came more than {@code
 *       churnDays} after the order before it (the customer had churned and returned);
 *   <li>ACTIVE: the last order is at most {@code activeDays} old;
 *   <li>DORMANT: the last order is at most {@code churnDays} old;
 *   <li>CHURNED: otherwise.
 * </ol>
 *
 * A customer without orders has no stage. Days are whole days (epoch days); thresholds must satisfy
 * 0 <= newDays, 0 <= activeDays < churnDays.
 */
public record Lifecycle(int newDays, int activeDays, int churnDays) {

  public enum Stage {
    NEW,
    WON_BACK,
    ACTIVE,
    DORMANT,
    CHURNED
  }

  /** A day that marks "no such order". */
  public static final int NONE = Integer.MIN_VALUE;

  public Lifecycle {
    if (newDays < 0 || activeDays < 0) {
      throw new IllegalArgumentException("days must not be negative");
    }
    if (churnDays <= activeDays) {
      throw new IllegalArgumentException(
          "churn days (" + churnDays + ") must be more than active days (" + activeDays + ")");
    }
  }

  /**
   * The stage as of {@code today}, or null without orders.
   *
   * @param first day of the first order, or {@link #NONE}
   * @param last day of the last order, or {@link #NONE}
   * @param previous the latest order day before {@code last}, or {@link #NONE}
   */
  public Stage stage(int first, int last, int previous, int today) {
    if (first == NONE || last == NONE) {
      return null;
    }
    long sinceFirst = (long) today - first;
    long sinceLast = (long) today - last;
    if (sinceFirst <= newDays) {
      return Stage.NEW;
    }
    if (sinceLast <= activeDays) {
      return previous != NONE && (long) last - previous > churnDays ? Stage.WON_BACK : Stage.ACTIVE;
    }
    return sinceLast <= churnDays ? Stage.DORMANT : Stage.CHURNED;
  }
}
