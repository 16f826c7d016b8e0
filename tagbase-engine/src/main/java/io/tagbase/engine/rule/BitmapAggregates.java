package io.tagbase.engine.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Aggregates for every customer at once, from one pass over their event type's rows into primitive
 * arrays indexed by customer id (no object per customer), then one pass over the ids. Aggregates
 * that accept the same events (type, window, filter) share one pass, so the filter runs once per
 * row however many measures read it. Results equal {@link Accumulator}'s, sums added in log order.
 */
final class BitmapAggregates {
  private final RuleData data;
  private final int today;
  private final int parallelFrom;

  BitmapAggregates(RuleData data, int today) {
    this(data, today, PARALLEL_FROM);
  }

  /** With {@code parallelFrom} customer ids or more, passes run on two threads. */
  BitmapAggregates(RuleData data, int today, int parallelFrom) {
    this.data = data;
    this.today = today;
    this.parallelFrom = parallelFrom;
  }

  /** The aggregate per customer id (NaN: missing), for ids below the dictionary's capacity. */
  double[] compute(CompiledAggregate agg) {
    return compute(new CompiledAggregate[] {agg})[0];
  }

  /** Each aggregate per customer id, in the order given. */
  List<double[]> computeAll(List<CompiledAggregate> aggs) {
    double[][] results = new double[aggs.size()][];
    boolean[] done = new boolean[aggs.size()];
    for (int i = 0; i < aggs.size(); i++) {
      if (done[i]) {
        continue;
      }
      List<Integer> group = new ArrayList<>();
      for (int j = i; j < aggs.size(); j++) {
        if (!done[j] && aggs.get(j).sameEvents(aggs.get(i))) {
          group.add(j);
          done[j] = true;
        }
      }
      CompiledAggregate[] members = new CompiledAggregate[group.size()];
      for (int k = 0; k < members.length; k++) {
        members[k] = aggs.get(group.get(k));
      }
      double[][] values = compute(members);
      for (int k = 0; k < members.length; k++) {
        results[group.get(k)] = values[k];
      }
    }
    return Arrays.asList(results);
  }

  /**
   * Aggregates accepting the same events, from the kept days of events when the data's {@link
   * EventDays} hold the window's, else from the log.
   */
  private double[][] compute(CompiledAggregate[] aggs) {
    CompiledAggregate accepting = aggs[0];
    EventDays days = data.eventDays();
    int from = accepting.fromDay();
    int to = accepting.toDay();
    if (days != null && from <= to && from != Integer.MIN_VALUE && days.holdsEvents(from, to)) {
      return days.events(accepting.event, from, to, runs -> compute(aggs, runs));
    }
    return compute(aggs, List.of(data.events().run(accepting.event)));
  }

  private double[][] compute(CompiledAggregate[] aggs, List<EventRun> runs) {
    Sink[] sinks = new Sink[aggs.length];
    for (int k = 0; k < sinks.length; k++) {
      sinks[k] = sink(aggs[k], runs);
    }
    pass(aggs, sinks, runs);
    double[][] values = new double[sinks.length][];
    for (int k = 0; k < sinks.length; k++) {
      values[k] = sinks[k].finish();
    }
    return values;
  }

  /** Below this many customer ids a pass runs on the calling thread alone. */
  static final int PARALLEL_FROM = 1 << 20;

  /**
   * One pass over the accepted events, handing each to every sink. Over many customers two threads
   * share the work: over several runs (days) each takes half of the rows into sinks of its own,
   * merged at the end, so every row is read once; over one run (the log), or for a distinct count
   * (whose sets do not merge), each reads every row and handles its own half of the customers, so
   * each customer's events still arrive in run order and a sink's arrays are written by one thread
   * per customer.
   */
  private void pass(CompiledAggregate[] aggs, Sink[] sinks, List<EventRun> runs) {
    int capacity = data.customers().capacity();
    if (capacity < parallelFrom || Runtime.getRuntime().availableProcessors() < 2) {
      pass(aggs, sinks, runs, 0, capacity);
      return;
    }
    if (runs.size() >= 2 && java.util.Arrays.stream(sinks).noneMatch(Distinct.class::isInstance)) {
      long rows = runs.stream().mapToLong(EventRun::size).sum();
      int middle = 0;
      for (long half = 0;
          middle < runs.size() - 1 && half + runs.get(middle).size() <= rows / 2; ) {
        half += runs.get(middle++).size();
      }
      int split = Math.max(1, middle);
      Sink[] later = new Sink[sinks.length];
      for (int k = 0; k < sinks.length; k++) {
        later[k] = sink(aggs[k], runs);
      }
      java.util.concurrent.CompletableFuture<Void> upper =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> pass(aggs, later, runs.subList(split, runs.size()), 0, capacity));
      pass(aggs, sinks, runs.subList(0, split), 0, capacity);
      upper.join();
      for (int k = 0; k < sinks.length; k++) {
        sinks[k].merge(later[k]);
      }
      return;
    }
    int middle = capacity / 2;
    java.util.concurrent.CompletableFuture<Void> upper =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> pass(aggs, sinks, runs, middle, capacity));
    pass(aggs, sinks, runs, 0, middle);
    upper.join();
  }

  private void pass(
      CompiledAggregate[] aggs,
      Sink[] sinks,
      List<EventRun> runs,
      int fromCustomer,
      int toCustomer) {
    CompiledAggregate accepting = aggs[0];
    CompiledAggregate.TextKeys keys = new CompiledAggregate.TextKeys(); // this thread's own
    IntToDoubleFunction[] values = new IntToDoubleFunction[sinks.length];
    for (EventRun run : runs) {
      IntPredicate filter = accepting.rowFilter(run);
      for (int k = 0; k < sinks.length; k++) {
        values[k] = aggs[k].rowValue(run, keys);
      }
      int size = run.size();
      for (int i = 0; i < size; i++) {
        int row = run.row(i);
        int customer = run.customer(row);
        if (customer < fromCustomer || customer >= toCustomer) {
          continue;
        }
        int day = run.day(row);
        if (accepting.acceptsDay(day) && filter.test(row)) {
          for (int k = 0; k < sinks.length; k++) {
            sinks[k].add(customer, day, values[k], row);
          }
        }
      }
    }
  }

  private Sink sink(CompiledAggregate agg, List<EventRun> runs) {
    int capacity = data.customers().capacity();
    return switch (agg.fn) {
      case COUNT -> new Count(capacity);
      case SUM, AVG, MIN, MAX -> new Values(agg, capacity);
      case FIRST, LAST, DAYS_SINCE_FIRST, DAYS_SINCE_LAST -> new Days(agg.fn, capacity, today);
      case DISTINCT -> new Distinct(agg, runs, capacity);
    };
  }

  /** Takes the accepted events of one aggregate and gives its value per customer id. */
  private interface Sink {
    /** An accepted event of {@code customer} on {@code day}; {@code value} reads its value. */
    void add(int customer, int day, IntToDoubleFunction value, int row);

    /**
     * Takes in what {@code later} (a sink of the same aggregate) saw of later runs, before {@link
     * #finish}.
     */
    default void merge(Sink later) {
      throw new UnsupportedOperationException("does not merge");
    }

    double[] finish();
  }

  private static final class Count implements Sink {
    private final double[] counts;

    Count(int capacity) {
      counts = new double[capacity];
    }

    @Override
    public void add(int customer, int day, IntToDoubleFunction value, int row) {
      counts[customer]++;
    }

    @Override
    public void merge(Sink later) {
      double[] more = ((Count) later).counts;
      for (int id = 0; id < counts.length; id++) {
        counts[id] += more[id];
      }
    }

    @Override
    public double[] finish() {
      return counts;
    }
  }

  private static final class Values implements Sink {
    private final CompiledAggregate agg;
    private final boolean extreme;
    private final double[] result;
    private final int[] valued;

    Values(CompiledAggregate agg, int capacity) {
      this.agg = agg;
      this.extreme = agg.fn == AggFn.MIN || agg.fn == AggFn.MAX;
      this.result = new double[capacity];
      this.valued = new int[capacity];
    }

    @Override
    public void add(int customer, int day, IntToDoubleFunction value, int row) {
      double v = value.applyAsDouble(row);
      if (Double.isNaN(v)) {
        return;
      }
      if (!extreme || valued[customer] == 0) {
        result[customer] = extreme ? v : result[customer] + v;
      } else {
        result[customer] =
            agg.fn == AggFn.MIN ? Math.min(result[customer], v) : Math.max(result[customer], v);
      }
      valued[customer]++;
    }

    @Override
    public void merge(Sink later) {
      Values other = (Values) later;
      for (int id = 0; id < result.length; id++) {
        int n = other.valued[id];
        if (n == 0) {
          continue;
        }
        double v = other.result[id];
        if (!extreme || valued[id] == 0) {
          result[id] = extreme ? v : result[id] + v;
        } else {
          result[id] = agg.fn == AggFn.MIN ? Math.min(result[id], v) : Math.max(result[id], v);
        }
        valued[id] += n;
      }
    }

    @Override
    public double[] finish() {
      if (agg.fn == AggFn.SUM) {
        return result;
      }
      for (int id = 0; id < result.length; id++) {
        if (valued[id] == 0) {
          result[id] = Double.NaN;
        } else if (agg.fn == AggFn.AVG) {
          result[id] /= valued[id];
        }
      }
      return result;
    }
  }

  private static final class Days implements Sink {
    private final AggFn fn;
    private final boolean first;
    private final int none;
    private final int[] days;
    private final int today;

    Days(AggFn fn, int capacity, int today) {
      this.fn = fn;
      this.first = fn == AggFn.FIRST || fn == AggFn.DAYS_SINCE_FIRST;
      this.none = first ? Integer.MAX_VALUE : Integer.MIN_VALUE;
      this.days = new int[capacity];
      this.today = today;
      Arrays.fill(days, none);
    }

    @Override
    public void add(int customer, int day, IntToDoubleFunction value, int row) {
      days[customer] = first ? Math.min(days[customer], day) : Math.max(days[customer], day);
    }

    @Override
    public void merge(Sink later) {
      int[] more = ((Days) later).days;
      for (int id = 0; id < days.length; id++) {
        days[id] = first ? Math.min(days[id], more[id]) : Math.max(days[id], more[id]);
      }
    }

    @Override
    public double[] finish() {
      boolean since = fn == AggFn.DAYS_SINCE_FIRST || fn == AggFn.DAYS_SINCE_LAST;
      double[] result = new double[days.length];
      for (int id = 0; id < days.length; id++) {
        result[id] =
            days[id] == none ? Double.NaN : since ? (double) today - days[id] : (double) days[id];
      }
      return result;
    }
  }

  /**
   * Distinct non-missing keys per customer without a set per customer. The first pass holds each
   * customer's two largest keys: a key above both, or between them, is new; one equal to either is
   * a repeat; one below both is new while the customer had only those two. That counts exactly the
   * customers whose keys come in ascending order (order ids grow with time) and those with up to
   * three distinct keys in any order; the others are recounted exactly in a second pass that groups
   * their keys (a counting sort by customer, then a small sort per customer). Cost: O(events), plus
   * the second pass when some customer's keys fall below the two held.
   */
  private static final class Distinct implements Sink {
    private final CompiledAggregate agg;
    private final List<EventRun> runs;
    private final double[] counts;
    private final double[] largest; // the largest key seen
    private final double[] second; // the second largest: no key between the two was seen
    private final boolean[] unordered;

    Distinct(CompiledAggregate agg, List<EventRun> runs, int capacity) {
      this.agg = agg;
      this.runs = runs;
      this.counts = new double[capacity];
      this.largest = new double[capacity];
      this.second = new double[capacity];
      this.unordered = new boolean[capacity];
      Arrays.fill(largest, Double.NaN);
      Arrays.fill(second, Double.NaN);
    }

    @Override
    public void add(int customer, int day, IntToDoubleFunction key, int row) {
      if (unordered[customer]) {
        return;
      }
      double k = key.applyAsDouble(row);
      if (Double.isNaN(k)) {
        return;
      }
      double b = largest[customer];
      double a = second[customer];
      if (k == b || k == a) {
        return; // a repeat
      }
      if (Double.isNaN(b) || k > b) { // above every key seen: new
        counts[customer]++;
        second[customer] = b;
        largest[customer] = k;
      } else if (Double.isNaN(a) || k > a) { // between the two largest: never seen
        counts[customer]++;
        second[customer] = k;
      } else if (counts[customer] == 2) { // below both, and they are all there was: new
        counts[customer]++;
      } else {
        unordered[customer] = true; // below a key no longer held: maybe a repeat
      }
    }

    @Override
    public double[] finish() {
      for (boolean recount : unordered) {
        if (recount) {
          recountUnordered();
          break;
        }
      }
      return counts;
    }

    private void recountUnordered() {
      int capacity = counts.length;
      int[] start = new int[capacity + 1];
      int[] customerOf = new int[1024];
      double[] keyOf = new double[1024];
      int accepted = 0;
      CompiledAggregate.TextKeys keys = new CompiledAggregate.TextKeys();
      for (EventRun run : runs) {
        IntPredicate filter = agg.rowFilter(run);
        IntToDoubleFunction value = agg.rowValue(run, keys);
        for (int i = 0; i < run.size(); i++) {
          int row = run.row(i);
          int customer = run.customer(row);
          if (customer < 0 || customer >= capacity || !unordered[customer]) {
            continue;
          }
          if (!agg.acceptsDay(run.day(row)) || !filter.test(row)) {
            continue;
          }
          double key = value.applyAsDouble(row);
          if (Double.isNaN(key)) {
            continue;
          }
          if (accepted == customerOf.length) {
            customerOf = Arrays.copyOf(customerOf, accepted * 2);
            keyOf = Arrays.copyOf(keyOf, accepted * 2);
          }
          customerOf[accepted] = customer;
          keyOf[accepted++] = key;
          start[customer + 1]++;
        }
      }
      for (int id = 0; id < capacity; id++) {
        start[id + 1] += start[id];
      }
      double[] grouped = new double[accepted];
      int[] fill = Arrays.copyOf(start, capacity);
      for (int i = 0; i < accepted; i++) {
        grouped[fill[customerOf[i]]++] = keyOf[i];
      }
      for (int id = 0; id < capacity; id++) {
        if (unordered[id]) {
          counts[id] = distinct(grouped, start[id], start[id + 1]);
        }
      }
    }

    private static int distinct(double[] keys, int from, int to) {
      if (to - from <= 1) {
        return to - from;
      }
      if (to - from <= 16) { // insertion sort: most customers have a few keys
        for (int i = from + 1; i < to; i++) {
          double v = keys[i];
          int j = i - 1;
          while (j >= from && keys[j] > v) {
            keys[j + 1] = keys[j];
            j--;
          }
          keys[j + 1] = v;
        }
      } else {
        Arrays.sort(keys, from, to);
      }
      int distinct = 1;
      for (int i = from + 1; i < to; i++) {
        if (keys[i] != keys[i - 1]) {
          distinct++;
        }
      }
      return distinct;
    }
  }
}
