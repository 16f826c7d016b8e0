package io.tagbase.analytics;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.rule.AggFn;
import io.tagbase.rules.RuleEventDays;
import org.springframework.stereotype.Component;

/**
 * The activity days ({@link EventActivity}) as rules read them: a {@code did order in last 7 days}
 * clause in a segment or rule is a union of day sets, translated to the index's numbers, and {@code
 * count(order, last 30 days)} a sum of the days' tallies, instead of a read of every event. Lock
 * order: the index's read lock, then the id bridge's monitor, then the days' lock (a leaf, released
 * before a union is translated), as {@link CustomerIdBridge} documents.
 */
@Component
class ActivityRuleDays implements RuleEventDays {
  private final EventActivity activity;
  private final CustomerIdBridge bridge;
  private final java.util.concurrent.atomic.AtomicLong reads =
      new java.util.concurrent.atomic.AtomicLong();

  ActivityRuleDays(EventActivity activity, CustomerIdBridge bridge) {
    this.activity = activity;
    this.bridge = bridge;
  }

  @Override
  public boolean covers(int fromDay, int toDay) {
    return activity.covers(fromDay, toDay);
  }

  @Override
  public void prepare() {
    bridge.withIds((dictionary, tags, ids) -> null);
  }

  @Override
  public TagBitmap did(String type, int fromDay, int toDay, CustomerDictionary dictionary) {
    reads.incrementAndGet();
    return bridge.translate(activity.union(type, fromDay, toDay), dictionary);
  }

  @Override
  public double[] tally(
      AggFn fn, String type, int fromDay, int toDay, CustomerDictionary dictionary) {
    reads.incrementAndGet();
    return bridge.withPairs(
        dictionary,
        ids -> activity.tally(type, fromDay, toDay, ids, dictionary.capacity(), fn == AggFn.SUM));
  }

  /** How many clauses the days have answered since start-up. */
  long reads() {
    return reads.get();
  }
}
