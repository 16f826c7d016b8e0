package io.tagbase.bench;

import io.tagbase.engine.ActivityDays;
import io.tagbase.engine.Condition;
import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.SegmentEvaluator;
import io.tagbase.engine.StoredChunks;
import io.tagbase.engine.StoredIds;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagComparisons;
import io.tagbase.engine.TagCoverage;
import io.tagbase.engine.TagIndex;
import io.tagbase.engine.TagStatistics;
import io.tagbase.engine.rule.AggFn;
import io.tagbase.engine.rule.BitmapPlan;
import io.tagbase.engine.rule.EventDays;
import io.tagbase.engine.rule.EventLog;
import io.tagbase.engine.rule.EventRun;
import io.tagbase.engine.rule.FieldType;
import io.tagbase.engine.rule.RuleChecker;
import io.tagbase.engine.rule.RuleData;
import io.tagbase.engine.rule.RuleSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.roaringbitmap.RoaringBitmap;

/**
 * Every analytics chart kind on the engine (issue 9: each chart under a second at 10M customers),
 * on the same generated data as {@link Bench} plus four layered tags ({@link AnalyticsWorld}):
 * coverage, distribution, overlap, Venn, cross-tab heat map, RFM grid, tag profile with TGI, the
 * lifecycle flow between two dates from stored member bitmaps, conversion from the activity days
 * (the converters: a union of per-day sets of database ids, as the server keeps them in memory),
 * and the daily member snapshot that stores the bitmaps.
 *
 * <p>Measured: the code that answers each chart once its inputs are in memory: for the flow, the
 * stored chunks (the bytes the server reads from analytics_members) are deserialized, translated to
 * the index's numbering and cross-counted; for conversion, the window's days of order activity are
 * unioned, translated to the index's numbering and counted: everything the server does for it, as
 * the activity days are in memory. Not measured: reading the flow's bytes from the database, the
 * activity days' backfill at start-up, and HTTP/JSON.
 *
 * <p>Every answer is checked: against a brute-force count over the generated per-customer values
 * when the run is small (the smoke run, up to {@value #BRUTE_FORCE_UP_TO} customers), else against
 * identities (a partition's counts sum to the population).
 *
 * <pre>java -Xmx12g -cp tagbase-bench-*-all.jar io.tagbase.bench.AnalyticsBench --customers 10m
 * </pre>
 */
public final class AnalyticsBench {
  /** Up to this many customers every answer is also counted by brute force. */
  static final int BRUTE_FORCE_UP_TO = 200_000;

  /** What each chart must stay under, in milliseconds. */
  static final double TARGET_MILLIS = 1000;

  private AnalyticsBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    System.out.print(run(options.customers(), options.seed(), options.smoke()));
  }

  /** Runs every chart and answers a markdown table; throws if an answer is wrong. */
  static String run(int customers, long seed, boolean smoke) throws Exception {
    long setUp = System.nanoTime();
    AnalyticsWorld w = AnalyticsWorld.build(customers, seed);
    Reference ref = customers <= BRUTE_FORCE_UP_TO ? new Reference(w) : null;
    TagIndex index = w.index();
    CustomerDictionary dictionary = w.dictionary();
    StoredIds ids = w.ids();
    TagComparisons comparisons = new TagComparisons(index, dictionary);
    TagStatistics statistics = new TagStatistics(index, dictionary);
    TagCoverage coverage = new TagCoverage(index, dictionary);
    SegmentEvaluator evaluator = new SegmentEvaluator(index, dictionary);
    Timing.Budget budget = smoke ? Timing.Budget.SMOKE : new Timing.Budget(1000, 3, 5000, 200);
    long live = dictionary.size();
    List<String> names = TagCatalogue.names();
    List<String> lifecycle = w.valueKeys(AnalyticsWorld.LIFECYCLE);
    List<String> tier = w.valueKeys(AnalyticsWorld.TIER);
    List<String> recency = w.valueKeys(AnalyticsWorld.RECENCY);
    List<String> frequency = w.valueKeys(AnalyticsWorld.FREQUENCY);
    List<String> category = names.subList(24, 44); // twenty skewed tags
    List<String> six = List.of("head_50", "head_30", "head_20", "head_10", "head_05", "t100");
    List<String> profileKeys = new ArrayList<>(names);
    profileKeys.remove("head_10");
    for (String layered : AnalyticsWorld.LAYERED) {
      profileKeys.add(layered);
      profileKeys.addAll(w.valueKeys(layered));
    }
    String setUpSeconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - setUp) / 1e9);

    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%n| chart (%,d customers, %,d live; set-up %s s) | answer | median / p99 (runs) |"
                + " < 1 s |%n|---|---|---:|:-:|%n",
            customers,
            live,
            setUpSeconds));
    row(
        out,
        "C1 coverage of every tag (200 tags)",
        Timing.measure(() -> coverage.counts(names), budget),
        a -> check(ref == null || Arrays.equals(a, ref.coverage(names)), "coverage = brute force"));
    row(
        out,
        "C2 coverage of a category: holders of any of 20 tags",
        Timing.measure(
            () ->
                new long[] {
                  evaluator.count(Condition.or(category.stream().map(Condition::tag).toList()))
                },
            budget),
        a -> check(ref == null || a[0] == ref.any(category), "any-of = brute force"));
    row(
        out,
        "C3 distribution of a layered tag (lifecycle, 5 values + holders)",
        Timing.measure(
            () -> {
              List<String> keys = new ArrayList<>(lifecycle);
              keys.add(AnalyticsWorld.LIFECYCLE);
              return coverage.counts(keys);
            },
            budget),
        a ->
            check(
                sum(Arrays.copyOf(a, lifecycle.size())) == a[lifecycle.size()]
                    && (ref == null || a[0] == ref.coverage(lifecycle.subList(0, 1))[0]),
                "values sum to the holders"));
    row(
        out,
        "C4 overlap of 6 tags: 15 pairs (both, Jaccard)",
        Timing.measure(
            () -> {
              long[] sizes = coverage.counts(six);
              long[][] both = comparisons.crossTab(six, six);
              long[] answer = flatten(both);
              return concat(sizes, answer);
            },
            budget),
        a ->
            check(ref == null || a[6 + 1] == ref.both("head_50", "head_30"), "pair = brute force"));
    row(
        out,
        "C5 Venn regions of 3 tags",
        Timing.measure(() -> comparisons.vennRegions(six.subList(0, 3)), budget),
        a ->
            check(
                sum(a) == live && (ref == null || Arrays.equals(a, ref.venn(six.subList(0, 3)))),
                "regions = brute force, sum to the population"));
    row(
        out,
        "C6 Venn regions of 6 tags",
        Timing.measure(() -> comparisons.vennRegions(six), budget),
        a ->
            check(
                sum(a) == live && (ref == null || Arrays.equals(a, ref.venn(six))),
                "regions = brute force, sum to the population"));
    row(
        out,
        "C7 cross-tab heat map: lifecycle x value tier (5 x 4)",
        Timing.measure(() -> flatten(comparisons.crossTab(lifecycle, tier)), budget),
        a ->
            check(
                ref == null
                    || Arrays.equals(
                        a, ref.crossTab(AnalyticsWorld.LIFECYCLE, AnalyticsWorld.TIER)),
                "cells = brute force"));
    row(
        out,
        "C8 RFM grid: recency x frequency scores (5 x 5)",
        Timing.measure(() -> flatten(comparisons.crossTab(recency, frequency)), budget),
        a ->
            check(
                sum(a) == w.scored()
                    && (ref == null
                        || Arrays.equals(
                            a, ref.crossTab(AnalyticsWorld.RECENCY, AnalyticsWorld.FREQUENCY))),
                "cells = brute force, sum to the scored"));
    row(
        out,
        "C9 tag profile with TGI: head_10 vs " + profileKeys.size() + " tags and values",
        Timing.measure(
            () -> {
              TagBitmap holders = evaluator.evaluate(Condition.tag("head_10"));
              return concat(
                  statistics.distribution(holders, profileKeys), coverage.counts(profileKeys));
            },
            budget),
        a ->
            check(
                ref == null
                    || Arrays.equals(
                        Arrays.copyOf(a, profileKeys.size()), ref.inside("head_10", profileKeys)),
                "both-counts = brute force"));
    row(
        out,
        "C10 lifecycle flow, stored day -> now (5+1 x 5+1)",
        Timing.measure(
            () ->
                flatten(
                    comparisons.crossTabOf(
                        storedPartition(w.storedDay(0), ids, dictionary),
                        currentPartition(lifecycle, AnalyticsWorld.LIFECYCLE, index, dictionary))),
            budget),
        a ->
            check(
                sum(a) == live && (ref == null || Arrays.equals(a, ref.flow(0, 2))),
                "flow = brute force, sums to the population"));
    row(
        out,
        "C11 lifecycle flow between two stored days",
        Timing.measure(
            () ->
                flatten(
                    comparisons.crossTabOf(
                        storedPartition(w.storedDay(0), ids, dictionary),
                        storedPartition(w.storedDay(1), ids, dictionary))),
            budget),
        a ->
            check(
                sum(a) == live && (ref == null || Arrays.equals(a, ref.flow(0, 1))),
                "flow = brute force, sums to the population"));
    ActivityDays activity = w.activity();
    row(
        out,
        "C12a converters: union of "
            + AnalyticsWorld.WINDOW_DAYS
            + " days of order activity (database ids)",
        Timing.measure(
            () ->
                new long[] {
                  activity
                      .union("order", AnalyticsWorld.WINDOW_FROM, AnalyticsWorld.WINDOW_TO)
                      .getLongCardinality()
                },
            budget),
        a -> check(a[0] == w.converters().length, "converters = brute force"));
    row(
        out,
        "C12 conversion of head_20 holders vs the rest, from "
            + AnalyticsWorld.WINDOW_DAYS
            + " activity days ("
            + String.format(Locale.ROOT, "%,d", w.converters().length)
            + " converters)",
        Timing.measure(
            () -> {
              TagBitmap converted =
                  ids.fromStored(
                      activity.union("order", AnalyticsWorld.WINDOW_FROM, AnalyticsWorld.WINDOW_TO),
                      dictionary);
              return conversion(comparisons.conversion("head_20", converted));
            },
            budget),
        a ->
            check(
                a[0] + a[2] == live && (ref == null || Arrays.equals(a, ref.conversion(null))),
                "conversion = brute force"));
    row(
        out,
        "C13 conversion, holders of the value tier at the window's start (stored day), from"
            + " activity days",
        Timing.measure(
            () -> {
              TagBitmap converted =
                  ids.fromStored(
                      activity.union("order", AnalyticsWorld.WINDOW_FROM, AnalyticsWorld.WINDOW_TO),
                      dictionary);
              RoaringBitmap stored = RoaringBitmap.or(w.storedTierDay().iterator());
              return conversion(
                  comparisons.conversionOf(ids.fromStored(stored, dictionary), converted));
            },
            budget),
        a ->
            check(
                a[0] + a[2] == live && (ref == null || Arrays.equals(a, ref.conversion(w))),
                "conversion = brute force"));
    int capacity = dictionary.capacity();
    TagBitmap liveIds = dictionary.live();
    for (boolean amounts : new boolean[] {false, true}) {
      row(
          out,
          (amounts ? "C15 segment: sum(order, amount, last " : "C14 segment: count(order, last ")
              + AnalyticsWorld.WINDOW_DAYS
              + (amounts ? " days) >= 500" : " days) >= 3")
              + ", from the activity days' tallies",
          Timing.measure(
              () -> {
                double[] values =
                    activity.tally(
                        "order",
                        AnalyticsWorld.WINDOW_FROM,
                        AnalyticsWorld.WINDOW_TO,
                        ids,
                        capacity,
                        amounts);
                return new long[] {atLeast(values, amounts ? 500 : 3, liveIds)};
              },
              budget),
          a ->
              check(
                  a[0]
                      == (amounts
                          ? bruteForce(w, ids, liveIds, -1, 50_000)
                          : bruteForce(w, ids, liveIds, 3, -1)),
                  "members = brute force"));
    }
    RuleData held = heldEvents(w);
    java.time.LocalDate today = java.time.LocalDate.ofEpochDay(AnalyticsWorld.WINDOW_TO - 1);
    AnalyticsWorld.Behaviour b = w.behaviour();
    int last = AnalyticsWorld.WINDOW_DAYS;
    String[][] clauses = {
      {"C16", "count(order where category = \"c1\", last " + last + " days) >= 1"},
      {"C17", "avg(order, amount, last " + last + " days) > 150.0001"},
      {"C18", "distinct count(order, sku, last " + last + " days) >= 2"},
      {"C19", "days since last(order, last " + last + " days) <= 7"},
    };
    java.util.function.IntPredicate[] truths = {
      stored -> b.c1Orders()[stored] >= 1,
      stored -> // avg > 150.0001 <=> cents * 100 > 1,500,001 * orders, in whole numbers
      w.orders()[stored] > 0 && w.orderCents()[stored] * 100 > 1_500_001L * w.orders()[stored],
      stored -> b.twoSkus()[stored],
      stored -> b.lastOrder()[stored] >= AnalyticsWorld.WINDOW_TO - 1 - 7,
    };
    for (int c = 0; c < clauses.length; c++) {
      heldRow(out, held, today, clauses[c], truths[c], "from the held events", budget, w, liveIds);
    }
    // the days before the window leave the kept ones: summed up per customer, as each night
    activity.dropBefore(AnalyticsWorld.WINDOW_FROM);
    String[][] allTime = {
      {"C20", "count(order) >= 2"}, {"C21", "days since last(order) > 7"},
    };
    java.util.function.IntPredicate[] allTimeTruths = {
      stored -> b.ordersEver()[stored] >= 2,
      stored ->
          b.lastOrderEver()[stored] != Integer.MIN_VALUE
              && AnalyticsWorld.WINDOW_TO - 1 - b.lastOrderEver()[stored] > 7,
    };
    for (int c = 0; c < allTime.length; c++) {
      heldRow(
          out,
          held,
          today,
          allTime[c],
          allTimeTruths[c],
          "all time, from earlier summaries and the kept days",
          budget,
          w,
          liveIds);
    }
    List<String> snapshotKeys = new ArrayList<>(names);
    for (String layered : AnalyticsWorld.LAYERED) {
      snapshotKeys.addAll(w.valueKeys(layered));
    }
    Timing.Budget daily = smoke ? budget : new Timing.Budget(0, 1, 10_000, 5);
    row(
        out,
        "S1 member snapshot, one tag under the index lock: lifecycle's 5 values to database ids",
        Timing.measure(
            () -> {
              long stored = 0;
              for (String key : lifecycle) {
                stored += ids.toStored(index, key).getLongCardinality();
              }
              return new long[] {stored};
            },
            daily),
        a -> check(ref == null || a[0] == sum(ref.coverage(lifecycle)), "stored = holders"));
    row(
        out,
        "S2 member snapshot, whole (daily job, not a chart): "
            + snapshotKeys.size()
            + " keys to chunks",
        Timing.measure(
            () -> {
              long chunks = 0;
              long bytes = 0;
              for (String key : snapshotKeys) {
                for (byte[] chunk : StoredChunks.split(ids.toStored(index, key)).values()) {
                  chunks++;
                  bytes += chunk.length;
                }
              }
              return new long[] {chunks, bytes};
            },
            daily),
        a -> check(a[0] > 0, "chunks written"));
    out.append(
        String.format(
            Locale.ROOT,
            "%nActivity days: %,d events over %d days (%d types) kept as %d day sets of %,d bytes"
                + " (Roaring serialized size), and tallies (events and amounts per customer and"
                + " day) of %,d bytes; the events themselves with their properties, %,d bytes; the"
                + " summaries of the days before the window (after C19), %,d bytes.%n",
            w.events(),
            AnalyticsWorld.WINDOW_DAYS + AnalyticsWorld.DAYS_BEFORE,
            2,
            activity.sets(),
            activity.serializedSizeInBytes(),
            activity.tallyBytes(),
            activity.eventBytes(),
            activity.earlierBytes()));
    return out.toString();
  }

  /** What {@code HistoryFigures} builds for a stored day: join the chunks, then partition. */
  static List<TagBitmap> storedPartition(
      List<List<byte[]>> chunksByValue, StoredIds ids, CustomerDictionary dictionary) {
    List<RoaringBitmap> stored = new ArrayList<>(chunksByValue.size());
    for (List<byte[]> chunks : chunksByValue) {
      stored.add(StoredChunks.join(chunks));
    }
    return ids.partition(stored, dictionary);
  }

  /**
   * What {@code HistoryFigures} builds for now: each value's members, then the live non-holders.
   */
  static List<TagBitmap> currentPartition(
      List<String> valueKeys, String tag, TagIndex index, CustomerDictionary dictionary) {
    List<TagBitmap> partition = new ArrayList<>();
    for (String key : valueKeys) {
      partition.add(index.bitmap(key));
    }
    partition.add(dictionary.live().andNot(index.bitmap(tag)));
    return partition;
  }

  private static long[] conversion(TagComparisons.Conversion c) {
    return new long[] {c.tagged(), c.taggedConverted(), c.untagged(), c.untaggedConverted()};
  }

  private interface Check {
    void verify(long[] answer);
  }

  private static void row(StringBuilder out, String name, Timing.Measurement m, Check check) {
    check.verify(m.answer());
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | sum %,d | %.1f ms / %.1f ms (%d) | %s |%n",
            name,
            sum(m.answer()),
            m.median(),
            m.p99(),
            m.runs(),
            m.p99() < TARGET_MILLIS ? "yes" : "NO"));
  }

  static void check(boolean holds, String identity) {
    if (!holds) {
      throw new IllegalStateException("analytics answer breaks: " + identity);
    }
  }

  static long sum(long[] values) {
    long sum = 0;
    for (long v : values) {
      sum += v;
    }
    return sum;
  }

  static long[] flatten(long[][] matrix) {
    return Arrays.stream(matrix).flatMapToLong(Arrays::stream).toArray();
  }

  private static long[] concat(long[] a, long[] b) {
    long[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** How many live ids have a value of at least {@code min}. */
  private static long atLeast(double[] values, double min, TagBitmap live) {
    long n = 0;
    for (int id = 0; id < values.length; id++) {
      if (values[id] >= min && live.contains(id)) {
        n++;
      }
    }
    return n;
  }

  /** Times one segment over the held data and checks it against the world's brute force. */
  private static void heldRow(
      StringBuilder out,
      RuleData held,
      java.time.LocalDate today,
      String[] clause,
      java.util.function.IntPredicate truth,
      String source,
      Timing.Budget budget,
      AnalyticsWorld w,
      TagBitmap liveIds)
      throws Exception {
    BitmapPlan plan = BitmapPlan.compile(RuleChecker.check(clause[1], held.schema()));
    row(
        out,
        clause[0] + " segment: " + clause[1] + ", " + source,
        Timing.measure(() -> new long[] {plan.evaluate(held, today).cardinality()}, budget),
        a -> check(a[0] == bruteForce(w, w.ids(), liveIds, truth), "members = brute force"));
  }

  /** Live customers whose database id passes {@code truth}, the world's brute-force answer. */
  private static long bruteForce(
      AnalyticsWorld w, StoredIds ids, TagBitmap live, java.util.function.IntPredicate truth) {
    long n = 0;
    for (int stored = 0; stored < w.orders().length; stored++) {
      int id = ids.id(stored);
      if (id >= 0 && live.contains(id) && truth.test(stored)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The world as the server's rules read it when every event clause is over held days: no
   * attribute, the tag index, no event log, and the activity days' events through the ids.
   */
  private static RuleData heldEvents(AnalyticsWorld w) {
    RuleSchema schema =
        RuleSchema.builder()
            .event(
                "order",
                List.of(
                    field("category", FieldType.STRING),
                    field("sku", FieldType.STRING),
                    field("amount", FieldType.NUMBER)))
            .event("view", List.of(field("page", FieldType.STRING)))
            .build();
    ActivityDays activity = w.activity();
    StoredIds ids = w.ids();
    int first = AnalyticsWorld.WINDOW_FROM - AnalyticsWorld.DAYS_BEFORE;
    EventDays days =
        new EventDays() {
          @Override
          public boolean covers(int fromDay, int toDay) {
            return false; // not the sets and tallies: these rows time the held events
          }

          @Override
          public TagBitmap did(String type, int fromDay, int toDay) {
            throw new IllegalStateException("not covered");
          }

          @Override
          public double[] tally(AggFn fn, String type, int fromDay, int toDay, int capacity) {
            throw new IllegalStateException("not covered");
          }

          @Override
          public boolean holdsEvents(int fromDay, int toDay) {
            return fromDay >= first;
          }

          @Override
          public boolean coversAllTime(int toDay) {
            return true; // every event generated is in the days or summed up before them
          }

          @Override
          public double[] lifetime(AggFn fn, String type, int toDay, int capacity) {
            return activity.lifetime(type, toDay + 1, ids, capacity, EventDays.lifetimeMeasure(fn));
          }

          @Override
          public <T> T events(
              String type,
              int fromDay,
              int toDay,
              java.util.function.Function<List<EventRun>, T> work) {
            return activity.events(
                type,
                fromDay,
                toDay + 1,
                list -> work.apply(list.stream().map(d -> EventRun.of(d, ids::id)).toList()));
          }
        };
    return new RuleData(schema, w.dictionary(), w.index(), new EventLog()).eventDays(days);
  }

  private static RuleSchema.Field field(String code, FieldType type) {
    return new RuleSchema.Field(code, type, List.of(), List.of());
  }

  /**
   * Live customers with at least {@code orders} orders (or {@code cents} of them) in the window, by
   * the world's brute-force counts.
   */
  private static long bruteForce(
      AnalyticsWorld w, StoredIds ids, TagBitmap live, int orders, long cents) {
    long n = 0;
    for (int stored = 0; stored < w.orders().length; stored++) {
      int id = ids.id(stored);
      boolean holds = orders >= 0 ? w.orders()[stored] >= orders : w.orderCents()[stored] >= cents;
      if (holds && id >= 0 && live.contains(id)) {
        n++;
      }
    }
    return n;
  }
}
