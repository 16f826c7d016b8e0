package io.tagbase.bench;

import static io.tagbase.engine.Condition.and;
import static io.tagbase.engine.Condition.everyone;
import static io.tagbase.engine.Condition.not;
import static io.tagbase.engine.Condition.or;
import static io.tagbase.engine.Condition.tag;

import io.tagbase.engine.Condition;
import java.util.List;

/**
 * One query of the mix. Every engine answers it with a {@code long[]} that must be equal across
 * engines: {count} for COUNT, {count, sum of ids} for EXPORT, one count per tag for DISTRIBUTION
 * and COVERAGE, the row-major n x n matrix for OVERLAP.
 *
 * @param segment the tag condition (COUNT, DISTRIBUTION, EXPORT)
 * @param ranges attribute ranges ANDed with the segment
 * @param tags the tags a DISTRIBUTION, OVERLAP or COVERAGE is over
 * @param targetMillis the target at 10M customers, or NaN if it sets none
 */
record BenchQuery(
    String id,
    String title,
    Kind kind,
    Condition segment,
    List<Range> ranges,
    List<String> tags,
    double targetMillis) {

  enum Kind {
    COUNT,
    DISTRIBUTION,
    OVERLAP,
    COVERAGE,
    EXPORT
  }

  /** {@code min <= column <= max}; column names are the PostgreSQL column names. */
  record Range(String column, int min, int max) {}

  /** S3: ten tag clauses under AND, OR and NOT; about 1 % of customers. */
  static final Condition TEN_CLAUSES =
      and(
          or(tag("head_30"), tag("head_20"), tag("t008")),
          or(tag("t004"), tag("t012")),
          tag("t001"),
          not(tag("t002")),
          not(tag("head_02")),
          or(tag("cohort_05"), tag("cohort_06")));

  static final List<String> OVERLAP_TAGS = TagCatalogue.names().subList(0, 10);

  static List<BenchQuery> mix() {
    List<String> all = TagCatalogue.names();
    List<String> top20 =
        List.copyOf(
            java.util.stream.Stream.concat(
                    OVERLAP_TAGS.stream(),
                    all.subList(TagCatalogue.FIRST_SKEWED, TagCatalogue.FIRST_SKEWED + 10).stream())
                .toList());
    List<Range> recentBuyers =
        List.of(
            new Range("last_purchase_day", BenchData.TODAY - 29, Integer.MAX_VALUE),
            new Range("purchases_30d", 3, Integer.MAX_VALUE));
    List<Range> spendAndCountry =
        List.of(new Range("spend_cents", 100_00, 500_00), new Range("country", 0, 2));
    return List.of(
        count("S1", "one-tag count (head_30)", tag("head_30"), List.of(), 0.1),
        count(
            "S2",
            "two-tag AND (head_30 AND t010)",
            and(tag("head_30"), tag("t010")),
            List.of(),
            0.1),
        count("S3", "10-clause AND/OR/NOT over tags", TEN_CLAUSES, List.of(), 1),
        count(
            "S4",
            "S3 AND bought in last 30 days AND purchases_30d >= 3",
            TEN_CLAUSES,
            recentBuyers,
            5),
        new BenchQuery(
            "S5",
            "S3 segment's distribution over all 200 tags",
            Kind.DISTRIBUTION,
            TEN_CLAUSES,
            List.of(),
            all,
            20),
        new BenchQuery(
            "S6", "20 x 20 tag overlap matrix", Kind.OVERLAP, everyone(), List.of(), top20, 20),
        new BenchQuery(
            "S7",
            "coverage of all 200 tags",
            Kind.COVERAGE,
            everyone(),
            List.of(),
            all,
            Double.NaN),
        new BenchQuery(
            "S8",
            "export ids of a ~1 % segment (head_05 AND t009)",
            Kind.EXPORT,
            and(tag("head_05"), tag("t009")),
            List.of(),
            List.of(),
            5),
        count(
            "S9",
            "attribute ranges only (spend 100-500 AND country in top 3)",
            everyone(),
            spendAndCountry,
            Double.NaN));
  }

  private static BenchQuery count(
      String id, String title, Condition segment, List<Range> ranges, double target) {
    return new BenchQuery(id, title, Kind.COUNT, segment, ranges, List.of(), target);
  }

  /** A short human summary of an answer, for the result column. */
  String summarize(long[] answer) {
    return switch (kind) {
      case COUNT -> String.format("%,d", answer[0]);
      case EXPORT -> String.format("%,d ids", answer[0]);
      case DISTRIBUTION, COVERAGE ->
          String.format("%d counts, sum %,d", answer.length, sum(answer));
      case OVERLAP -> String.format("%dx%d, sum %,d", tags.size(), tags.size(), sum(answer));
    };
  }

  private static long sum(long[] values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }
}
