package io.tagbase.analytics;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.StoredIds;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.rule.AggFn;
import io.tagbase.engine.rule.EventDays;
import io.tagbase.engine.rule.EventRun;
import io.tagbase.rules.RuleEventDays;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The activity days ({@link EventActivity}) as rules read them: a {@code did order in last 7 days}
 * clause in a segment or rule is a union of day sets, translated to the index's numbers, {@code
 * count(order, last 30 days)} a sum of the days' tallies, any other clause over the days whose
 * events are held a pass over those events, and an all-time count or day the earlier summaries plus
 * the kept days, instead of a read of every event. Lock order: the index's read lock, then the id
 * bridge's monitor, then the days' lock (a leaf, released before a union is translated), as {@link
 * CustomerIdBridge} documents.
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
  public void prepare() {
    bridge.withIds((dictionary, tags, ids) -> null);
  }

  @Override
  public EventDays through(CustomerDictionary dictionary) {
    return new Through(dictionary);
  }

  /** How many clauses the days have answered since start-up. */
  long reads() {
    return reads.get();
  }

  /** The days read through one index generation's numbering. */
  private final class Through implements EventDays {
    private final CustomerDictionary dictionary;

    Through(CustomerDictionary dictionary) {
      this.dictionary = dictionary;
    }

    @Override
    public boolean covers(int fromDay, int toDay) {
      return activity.covers(fromDay, toDay);
    }

    @Override
    public boolean coversAllTime(int toDay) {
      return activity.coversAllTime(toDay);
    }

    @Override
    public boolean holdsEvents(int fromDay, int toDay) {
      return activity.holdsEvents(fromDay, toDay);
    }

    @Override
    public TagBitmap did(String type, int fromDay, int toDay) {
      reads.incrementAndGet();
      try {
        return bridge.translate(activity.union(type, fromDay, toDay), dictionary);
      } catch (CustomerIdBridge.Rebuilt e) {
        throw new IndexRebuilt();
      }
    }

    @Override
    public double[] tally(AggFn fn, String type, int fromDay, int toDay, int capacity) {
      return paired(ids -> activity.tally(type, fromDay, toDay, ids, capacity, fn == AggFn.SUM));
    }

    @Override
    public double[] lifetime(AggFn fn, String type, int toDay, int capacity) {
      return paired(
          ids -> activity.lifetime(type, toDay, ids, capacity, EventDays.lifetimeMeasure(fn)));
    }

    @Override
    public <T> T events(String type, int fromDay, int toDay, Function<List<EventRun>, T> work) {
      return paired(
          ids ->
              activity.events(
                  type,
                  fromDay,
                  toDay,
                  days -> work.apply(days.stream().map(d -> EventRun.of(d, ids::id)).toList())));
    }

    /** {@code work} with the index's pairs; a rebuild since pairing is {@link IndexRebuilt}. */
    private <T> T paired(Function<StoredIds, T> work) {
      reads.incrementAndGet();
      try {
        return bridge.withPairs(dictionary, work);
      } catch (CustomerIdBridge.Rebuilt e) {
        throw new IndexRebuilt();
      }
    }
  }
}
