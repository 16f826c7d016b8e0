package io.tagbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JMH methods return what the query mix answers, and those answers match counts taken directly
 * from the generated members (no JMH run here: timing is not asserted).
 */
class EngineBenchmarksTest {
  private static final int CUSTOMERS = 20_000;
  private static EngineBenchmarks benchmarks;
  private static BenchData data;

  @BeforeAll
  static void setUp() {
    benchmarks = new EngineBenchmarks();
    benchmarks.customers = CUSTOMERS;
    benchmarks.setUp();
    data = BenchData.generate(CUSTOMERS, 42);
  }

  private static BitSet members(String tag) {
    BitSet bits = new BitSet();
    for (int id : data.members()[TagCatalogue.names().indexOf(tag)]) {
      bits.set(id);
    }
    return bits;
  }

  @Test
  void tagCountsMatchTheGeneratedMembers() {
    BitSet head30 = members("head_30");
    assertThat(benchmarks.oneTagCount()).containsExactly(head30.cardinality());
    BitSet both = (BitSet) head30.clone();
    both.and(members("t010"));
    assertThat(benchmarks.twoTagAndCount()).containsExactly(both.cardinality());
  }

  @Test
  void everyMethodAnswersLikeTheQueryMix() {
    assertThat(benchmarks.tenClauseCount()).isEqualTo(benchmarks.answer("S3"));
    assertThat(benchmarks.distributionOver200Tags()).isEqualTo(benchmarks.answer("S5"));
    assertThat(benchmarks.overlap20x20()).isEqualTo(benchmarks.answer("S6"));
    assertThat(benchmarks.exportIds()).isEqualTo(benchmarks.answer("S8"));
    List<String> names = TagCatalogue.names();
    long[] s6 = benchmarks.overlap20x20();
    assertThat(s6[0])
        .as("the diagonal is the coverage")
        .isEqualTo(members(names.get(0)).cardinality());
  }

  @Test
  void quintileCutPointsSplitTheValuesInFifths() {
    double[] cuts = benchmarks.quintileCutPoints();
    assertThat(cuts).hasSize(4).isSorted();
    double[] sorted = benchmarks.amountsForTest().clone();
    Arrays.sort(sorted);
    for (int q = 1; q <= 4; q++) { // type 7: h = (n - 1) p, between the neighbours of h
      double h = (sorted.length - 1) * q / 5.0;
      int lo = (int) Math.floor(h);
      double expected =
          sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
      assertThat(cuts[q - 1]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }
  }
}
