package io.tagbase.analytics;

import io.tagbase.engine.ActivityDays;
import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.rule.AggFn;
import io.tagbase.engine.rule.EventRun;
import io.tagbase.rules.RuleEventDays;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The activity days ({@link EventActivity}) as rules read them: a {@code did order in last 7 days}
 * clause in a segment or rule is a union of day sets, translated to the index's numbers, and {@code
 * count(order, last 30 days)} a sum of the days' tallies, and any other clause over the days whose
 * events are held a pass over those events, instead of a read of every event. Lock order: the
 * index's read lock, then the id bridge's monitor, then the days' lock (a leaf, released before a
 * union is translated), as {@link CustomerIdBridge} documents.
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

  @Override
  public boolean coversAllTime(int toDay) {
    return activity.coversAllTime(toDay);
  }

  @Override
  public double[] lifetime(AggFn fn, String type, int toDay, CustomerDictionary dictionary) {
    reads.incrementAndGet();
    ActivityDays.Lifetime measure =
        switch (fn) {
          case COUNT -> ActivityDays.Lifetime.COUNT;
          case SUM -> ActivityDays.Lifetime.AMOUNT;
          case FIRST -> ActivityDays.Lifetime.FIRST;
          case LAST -> ActivityDays.Lifetime.LAST;
          default -> throw new IllegalArgumentException("not summed up over all time: " + fn);
        };
    return bridge.withPairs(
        dictionary, ids -> activity.lifetime(type, toDay, ids, dictionary.capacity(), measure));
  }

  @Override
  public boolean holdsEvents(int fromDay, int toDay) {
    return activity.holdsEvents(fromDay, toDay);
  }

  @Override
  public <T> T events(
      String type,
      int fromDay,
      int toDay,
      CustomerDictionary dictionary,
      Function<List<EventRun>, T> work) {
    reads.incrementAndGet();
    return bridge.withPairs(
        dictionary,
        ids ->
            activity.events(
                type,
                fromDay,
                toDay,
                days -> work.apply(days.stream().map(d -> EventRun.of(d, ids::id)).toList())));
  }

  /** How many clauses the days have answered since start-up. */
  long reads() {
    return reads.get();
  }
}
