package io.tagbase.bench;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagComparisons;
import io.tagbase.engine.TagIndex;
import io.tagbase.engine.TagStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analytics figures on the engine (issue 9: each chart under a second at 10M customers), on the
 * same generated data as {@link Bench}: cross-tabs, Venn regions, conversion, the daily size
 * snapshot, and mapping external ids to a bitmap (what the server does with the answer of a SQL
 * query for a flow or conversion). Each answer is checked against an identity it must satisfy (Venn
 * regions sum to the population; a cross-tab of a partition sums to the tag's coverage).
 *
 * <pre>java -cp tagbase-bench-*-all.jar io.tagbase.bench.AnalyticsBench --customers 1m</pre>
 */
public final class AnalyticsBench {
  private AnalyticsBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    System.out.print(run(options.customers(), options.seed(), options.smoke()));
  }

  /** Runs every scenario and answers a markdown table; throws if an identity does not hold. */
  static String run(int customers, long seed, boolean smoke) throws Exception {
    BenchData data = BenchData.generate(customers, seed);
    CustomerDictionary dictionary = new CustomerDictionary();
    TagIndex index = new TagIndex();
    for (int id = 0; id < customers; id++) {
      dictionary.intern(TagbaseEngine.externalId(id));
    }
    List<String> names = TagCatalogue.names();
    for (int tag = 0; tag < names.size(); tag++) {
      for (int id : data.members()[tag]) {
        index.assign(names.get(tag), id);
      }
    }
    index.optimize(dictionary.capacity());
    TagComparisons comparisons = new TagComparisons(index, dictionary);
    TagStatistics statistics = new TagStatistics(index, dictionary);
    Timing.Budget budget = smoke ? Timing.Budget.SMOKE : new Timing.Budget(1000, 10, 3000, 500);

    List<String> heads = names.subList(0, 10);
    List<String> cohorts = names.subList(10, 22);
    List<String> converters = new ArrayList<>();
    int[] sample = data.members()[names.indexOf("head_10")];
    for (int id : sample) {
      converters.add(TagbaseEngine.externalId(id));
    }
    TagBitmap converted = index.bitmap("head_10");

    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%n| analytics scenario (%,d customers) | answer | median / p99 (runs) |%n|---|---|---:|%n",
            customers));
    row(
        out,
        "A1 cross-tab 10 head tags x 12 cohorts (120 cells)",
        Timing.measure(() -> flatten(comparisons.crossTab(heads, cohorts)), budget),
        a -> check(sum(a) == coverageSum(statistics, heads), "cohorts partition everyone"));
    row(
        out,
        "A2 Venn regions of 3 tags (head_50, head_30, t001)",
        Timing.measure(
            () -> comparisons.vennRegions(List.of("head_50", "head_30", "t001")), budget),
        a -> check(sum(a) == customers, "regions sum to the population"));
    row(
        out,
        "A3 Venn regions of 6 tags (six head tags)",
        Timing.measure(() -> comparisons.vennRegions(heads.subList(0, 6)), budget),
        a -> check(sum(a) == customers, "regions sum to the population"));
    row(
        out,
        "A4 conversion of head_20 holders vs the rest (converted: head_10)",
        Timing.measure(
            () -> {
              TagComparisons.Conversion c = comparisons.conversion("head_20", converted);
              return new long[] {
                c.tagged(), c.taggedConverted(), c.untagged(), c.untaggedConverted()
              };
            },
            budget),
        a -> check(a[0] + a[2] == customers, "tagged + untagged = population"));
    row(
        out,
        "A5 daily snapshot: coverage of all 200 tags",
        Timing.measure(() -> statistics.coverage(names), budget),
        a -> check(a.length == 200, "200 counts"));
    row(
        out,
        "A6 external ids of head_10 (~10 %) to a bitmap",
        Timing.measure(
            () -> {
              TagBitmap bits = TagBitmap.forDensity(converters.size(), dictionary.capacity());
              for (String externalId : converters) {
                dictionary.find(externalId).ifPresent(bits::add);
              }
              return new long[] {bits.cardinality()};
            },
            budget),
        a -> check(a[0] == sample.length, "every id found"));
    return out.toString();
  }

  private interface Check {
    void verify(long[] answer);
  }

  private static void row(StringBuilder out, String name, Timing.Measurement m, Check check) {
    check.verify(m.answer());
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | sum %,d | %.3f ms / %.3f ms (%d) |%n",
            name,
            sum(m.answer()),
            m.median(),
            m.p99(),
            m.runs()));
  }

  private static void check(boolean holds, String identity) {
    if (!holds) {
      throw new IllegalStateException("analytics answer breaks: " + identity);
    }
  }

  private static long coverageSum(TagStatistics statistics, List<String> tags) {
    return sum(statistics.coverage(tags));
  }

  private static long sum(long[] values) {
    long sum = 0;
    for (long v : values) {
      sum += v;
    }
    return sum;
  }

  private static long[] flatten(long[][] matrix) {
    return java.util.Arrays.stream(matrix).flatMapToLong(java.util.Arrays::stream).toArray();
  }
}
