package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Coverage, distribution and overlap against brute-force counts on seeded random worlds. */
class TagStatisticsTest {
  private static final int TAGS = 9; // t8 is never assigned: unknown to the index

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 64, 65, 3_000, 70_000})
  void coverageMatchesBruteForce(int universe) {
    for (boolean holes : new boolean[] {false, true}) {
      World world = new World(universe, holes);
      long[] expected = new long[TAGS];
      for (int t = 0; t < TAGS; t++) {
        expected[t] = world.liveWith(t).size();
      }
      assertThat(world.statistics.coverage(world.tagNames())).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 64, 65, 3_000, 70_000, 300_000}) // 300,000: several blocks of words
  void overlapMatchesBruteForce(int universe) {
    for (boolean holes : new boolean[] {false, true}) {
      World world = new World(universe, holes);
      List<Set<Integer>> members = new ArrayList<>();
      for (int t = 0; t < TAGS; t++) {
        members.add(world.liveWith(t));
      }
      long[][] expected = new long[TAGS][TAGS];
      for (int i = 0; i < TAGS; i++) {
        for (int j = 0; j < TAGS; j++) {
          Set<Integer> other = members.get(j);
          expected[i][j] = members.get(i).stream().filter(other::contains).count();
        }
      }
      assertThat(world.statistics.overlap(world.tagNames())).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 65, 3_000, 70_000})
  void distributionMatchesBruteForce(int universe) {
    World world = new World(universe, true);
    Condition segment = Condition.or(Condition.tag("t0"), Condition.not(Condition.tag("t1")));
    TagBitmap members = world.evaluator.evaluate(segment);
    for (TagBitmap representation : List.of(members.toDense(), members.toSparse())) {
      long[] expected = new long[TAGS];
      for (int t = 0; t < TAGS; t++) {
        for (int id : members.toArray()) {
          if (world.tags.get(t).contains(id)) {
            expected[t]++;
          }
        }
      }
      assertThat(world.statistics.distribution(representation, world.tagNames()))
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 65, 70_000})
  void bitmapBytesCountsEightBytesPerDenseWordAndAtLeastTwoPerSparseId(int universe) {
    World world = new World(universe, false);
    for (int t = 0; t < TAGS; t++) {
      TagBitmap bits = world.index.bitmap("t" + t);
      long bytes = world.statistics.bitmapBytes(List.of("t" + t));
      if (bits.isDense()) {
        int[] ids = bits.toArray();
        int end = ids.length == 0 ? 0 : ids[ids.length - 1] + 1;
        assertThat(bytes % 8).isZero();
        assertThat(bytes).isGreaterThanOrEqualTo(8L * DenseTagBitmap.wordsFor(end));
      } else {
        assertThat(bytes).isGreaterThanOrEqualTo(2 * bits.cardinality());
      }
    }
  }

  /** Random tags over a dictionary, some naming ids past its end, optionally with holes. */
  private static final class World {
    final CustomerDictionary dictionary = new CustomerDictionary();
    final TagIndex index = new TagIndex();
    final TagStatistics statistics = new TagStatistics(index, dictionary);
    final SegmentEvaluator evaluator = new SegmentEvaluator(index, dictionary);
    final List<TreeSet<Integer>> tags = new ArrayList<>();
    final Set<Integer> live = new TreeSet<>();

    World(int universe, boolean holes) {
      Random random = new Random(universe * 31L + (holes ? 1 : 0));
      for (int id = 0; id < universe; id++) {
        live.add(dictionary.intern("c" + id));
      }
      for (int t = 0; t < TAGS; t++) {
        double density = RandomIds.DENSITIES[random.nextInt(RandomIds.DENSITIES.length)];
        int past = random.nextInt(3) == 0 ? 70 : 0;
        TreeSet<Integer> ids =
            t == TAGS - 1
                ? new TreeSet<>()
                : RandomIds.idsOrCluster(random, universe + past, density);
        tags.add(ids);
        String tag = "t" + t;
        ids.forEach(id -> index.assign(tag, id));
      }
      for (int id = 0; holes && id < universe; id++) {
        if (random.nextInt(10) == 0) {
          dictionary.remove("c" + id);
          live.remove(id);
        }
      }
      index.optimize(universe);
    }

    List<String> tagNames() {
      List<String> names = new ArrayList<>();
      for (int t = 0; t < TAGS; t++) {
        names.add("t" + t);
      }
      return names;
    }

    Set<Integer> liveWith(int tag) {
      Set<Integer> ids = new HashSet<>(tags.get(tag));
      ids.retainAll(live);
      return ids;
    }
  }
}
