package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cross-tabs, Venn regions and conversion against brute-force counts on seeded random worlds. */
class TagComparisonsTest {
  private static final int TAGS = 6; // t5 is never assigned: unknown to the index

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65, 3_000, 70_000})
  void crossTabMatchesBruteForce(int universe) {
    for (boolean holes : new boolean[] {false, true}) {
      World world = new World(universe, holes);
      List<String> rows = List.of("t0", "t1", "t5");
      List<String> columns = List.of("t2", "t3", "t4", "t0");
      long[][] expected = new long[rows.size()][columns.size()];
      for (int i = 0; i < rows.size(); i++) {
        for (int j = 0; j < columns.size(); j++) {
          Set<Integer> both = world.liveWith(rows.get(i));
          both.retainAll(world.liveWith(columns.get(j)));
          expected[i][j] = both.size();
        }
      }
      assertThat(world.comparisons.crossTab(rows, columns)).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 65, 3_000, 70_000})
  void crossTabOfGivenSetsCountsLiveIdsOnly(int universe) {
    World world = new World(universe, true);
    Random random = new Random(universe);
    List<TreeSet<Integer>> rowIds = new ArrayList<>();
    List<TreeSet<Integer>> columnIds = new ArrayList<>();
    List<TagBitmap> rows = new ArrayList<>();
    List<TagBitmap> columns = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      rowIds.add(RandomIds.idsOrCluster(random, universe + 70, 0.3));
      columnIds.add(RandomIds.idsOrCluster(random, universe + 70, 0.05));
      rows.add(RandomIds.bitmap(random, rowIds.get(k), k % 2 == 0, universe));
      columns.add(RandomIds.bitmap(random, columnIds.get(k), k % 2 == 1, universe));
    }
    long[][] expected = new long[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        Set<Integer> both = new TreeSet<>(rowIds.get(i));
        both.retainAll(columnIds.get(j));
        both.retainAll(world.live);
        expected[i][j] = both.size();
      }
    }
    assertThat(world.comparisons.crossTabOf(rows, columns)).isEqualTo(expected);
    assertThat(rows.get(0).cardinality()).isEqualTo(rowIds.get(0).size()); // inputs untouched
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65, 3_000, 70_000})
  void vennRegionsMatchBruteForce(int universe) {
    for (boolean holes : new boolean[] {false, true}) {
      World world = new World(universe, holes);
      List<String> tags = List.of("t0", "t1", "t2", "t5");
      long[] expected = new long[1 << tags.size()];
      List<Set<Integer>> holders = tags.stream().map(world::liveWith).toList();
      for (int id : world.live) {
        int mask = 0;
        for (int t = 0; t < tags.size(); t++) {
          if (holders.get(t).contains(id)) {
            mask |= 1 << t;
          }
        }
        expected[mask]++;
      }
      assertThat(world.comparisons.vennRegions(tags)).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 65, 3_000, 70_000})
  void conversionMatchesBruteForce(int universe) {
    World world = new World(universe, true);
    Random random = new Random(universe + 7L);
    TreeSet<Integer> convertedIds = RandomIds.ids(random, universe + 70, 0.1);
    TagBitmap converted = RandomIds.bitmap(random, convertedIds, false, universe);
    for (String tag : List.of("t0", "t3", "t5")) {
      Set<Integer> holders = world.liveWith(tag);
      long taggedConverted = holders.stream().filter(convertedIds::contains).count();
      long allConverted = world.live.stream().filter(convertedIds::contains).count();
      assertThat(world.comparisons.conversion(tag, converted))
          .isEqualTo(
              new TagComparisons.Conversion(
                  holders.size(),
                  taggedConverted,
                  world.live.size() - holders.size(),
                  allConverted - taggedConverted));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 65, 3_000, 70_000})
  void conversionOfAGivenGroupCountsItsLiveMembersOnly(int universe) {
    World world = new World(universe, true);
    Random random = new Random(universe + 11L);
    TreeSet<Integer> groupIds = RandomIds.ids(random, universe + 70, 0.3);
    TreeSet<Integer> convertedIds = RandomIds.ids(random, universe + 70, 0.2);
    TagBitmap group = RandomIds.bitmap(random, groupIds, true, universe);
    TagBitmap converted = RandomIds.bitmap(random, convertedIds, false, universe);
    Set<Integer> members = new HashSet<>(groupIds);
    members.retainAll(world.live);
    long membersConverted = members.stream().filter(convertedIds::contains).count();
    long allConverted = world.live.stream().filter(convertedIds::contains).count();
    assertThat(world.comparisons.conversionOf(group, converted))
        .isEqualTo(
            new TagComparisons.Conversion(
                members.size(),
                membersConverted,
                world.live.size() - members.size(),
                allConverted - membersConverted));
    assertThat(group.cardinality()).isEqualTo(groupIds.size()); // input untouched
  }

  @Test
  void vennRefusesMoreTagsThanItCanDraw() {
    World world = new World(10, false);
    List<String> many = new ArrayList<>();
    for (int t = 0; t < 7; t++) {
      many.add("t" + t);
    }
    assertThatThrownBy(() -> world.comparisons.vennRegions(many))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 6");
  }

  /** Random tags over a dictionary, some naming ids past its end, optionally with holes. */
  private static final class World {
    final CustomerDictionary dictionary = new CustomerDictionary();
    final TagIndex index = new TagIndex();
    final TagComparisons comparisons = new TagComparisons(index, dictionary);
    final List<TreeSet<Integer>> tags = new ArrayList<>();
    final Set<Integer> live = new TreeSet<>();

    World(int universe, boolean holes) {
      Random random = new Random(universe * 17L + (holes ? 1 : 0));
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

    Set<Integer> liveWith(String tag) {
      Set<Integer> ids = new HashSet<>(tags.get(Integer.parseInt(tag.substring(1))));
      ids.retainAll(live);
      return ids;
    }
  }
}
