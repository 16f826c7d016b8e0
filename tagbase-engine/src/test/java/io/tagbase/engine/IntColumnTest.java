package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Range predicates against a brute-force scan, on seeded random values. */
class IntColumnTest {
  private static final int[] EDGES = {Integer.MIN_VALUE, -1, 0, 1, 7, 99, Integer.MAX_VALUE};

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 63, 64, 65, 129, 5_000})
  void betweenMatchesBruteForce(int size) {
    Random random = new Random(size);
    int[] values = randomValues(random, size);
    IntColumn column = IntColumn.of(values);
    for (int trial = 0; trial < 200; trial++) {
      int min = pick(random);
      int max = pick(random);
      assertThat(column.between(min, max).toArray())
          .as("[%d, %d]", min, max)
          .isEqualTo(expected(values, min, max, null));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 64, 65, 129, 5_000})
  void betweenWithinCandidatesMatchesBruteForceInBothRepresentations(int size) {
    Random random = new Random(size + 1);
    int[] values = randomValues(random, size);
    IntColumn column = IntColumn.of(values);
    for (int trial = 0; trial < 200; trial++) {
      var ids = RandomIds.ids(random, size + 70, random.nextDouble()); // some past the end
      TagBitmap within = RandomIds.bitmap(random, ids, random.nextBoolean(), size + 70);
      int[] before = within.toArray();
      int min = pick(random);
      int max = pick(random);
      TagBitmap result = column.between(min, max, within);
      assertThat(result.toArray())
          .as("[%d, %d] within %s", min, max, within)
          .isEqualTo(expected(values, min, max, within));
      assertThat(result.isDense()).isEqualTo(within.isDense());
      assertThat(within.toArray()).as("input untouched").isEqualTo(before);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 64, 65, 129, 5_000})
  void countWithinSeveralRangesMatchesBruteForceAndAllocatesNoBitmap(int size) {
    Random random = new Random(size + 2);
    int[][] values = {randomValues(random, size), randomValues(random, size + random.nextInt(3))};
    IntColumn[] columns = {IntColumn.of(values[0]), IntColumn.of(values[1])};
    for (int trial = 0; trial < 200; trial++) {
      var ids = RandomIds.ids(random, size + 70, random.nextDouble()); // some past the end
      TagBitmap within = RandomIds.bitmap(random, ids, random.nextBoolean(), size + 70);
      int[] before = within.toArray();
      int ranges = random.nextInt(3);
      List<IntColumn.Range> list = new java.util.ArrayList<>();
      int[] expected = within.toArray();
      for (int r = 0; r < ranges; r++) {
        int c = random.nextInt(2);
        int min = pick(random);
        int max = pick(random);
        list.add(new IntColumn.Range(columns[c], min, max));
        int[] v = values[c];
        expected =
            IntStream.of(expected)
                .filter(id -> id < v.length && v[id] >= min && v[id] <= max)
                .toArray();
      }
      assertThat(IntColumn.count(within, list))
          .as("%s within %s", list, within)
          .isEqualTo(ranges == 0 ? within.cardinality() : expected.length);
      assertThat(within.toArray()).as("input untouched").isEqualTo(before);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 100})
  void setGrowsTheColumnAndGapsReadZero(int id) {
    IntColumn column = new IntColumn();
    column.set(id, 42);
    assertThat(column.size()).isEqualTo(id + 1);
    assertThat(column.get(id)).isEqualTo(42);
    assertThat(column.get(0)).isZero();
    assertThatThrownBy(() -> column.get(id + 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static int[] randomValues(Random random, int size) {
    return IntStream.range(0, size)
        .map(i -> random.nextInt(4) == 0 ? pick(random) : random.nextInt(100))
        .toArray();
  }

  private static int pick(Random random) {
    return random.nextInt(3) == 0 ? EDGES[random.nextInt(EDGES.length)] : random.nextInt(100);
  }

  private static int[] expected(int[] values, int min, int max, TagBitmap within) {
    return IntStream.range(0, values.length)
        .filter(id -> within == null || within.contains(id))
        .filter(id -> values[id] >= min && values[id] <= max)
        .toArray();
  }

  @org.junit.jupiter.api.Test
  void aRangeWithinIdsPastTheColumnIsEmptyAndStillTakesNewIds() {
    IntColumn column = IntColumn.of(new int[100]);
    TagBitmap within = TagBitmap.dense(2000);
    for (int id = 1000; id < 1100; id++) {
      within.add(id); // every candidate is past the column's 100 values
    }
    TagBitmap kept = column.between(0, 10, within);
    assertThat(kept.isEmpty()).isTrue();
    kept.add(130); // a word between the column's end and the candidates' span
    kept.add(5);
    assertThat(kept.toArray()).containsExactly(5, 130);
    assertThat(kept.cardinality()).isEqualTo(2);
  }
}
