package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Live counts of many keys against a brute-force loop, with and without erased customers. */
class TagCoverageTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65, 3_000, 70_000})
  void countsEqualBruteForceAndTagStatistics(int universe) {
    for (boolean holes : new boolean[] {false, true}) {
      Random random = new Random(universe * 2L + (holes ? 1 : 0));
      CustomerDictionary dictionary = new CustomerDictionary();
      TagIndex index = new TagIndex();
      for (int id = 0; id < universe; id++) {
        dictionary.intern("c" + id);
      }
      List<String> keys = new ArrayList<>();
      List<Set<Integer>> members = new ArrayList<>();
      for (double density : RandomIds.DENSITIES) {
        String key = "t" + keys.size();
        Set<Integer> ids = RandomIds.ids(random, universe, density);
        ids.forEach(id -> index.assign(key, id));
        keys.add(key);
        members.add(ids);
      }
      index.optimize(universe);
      if (holes) {
        for (int id = 0; id < universe; id += 7) {
          dictionary.remove("c" + id); // left in the tag bitmaps on purpose: must not count
        }
      }
      keys.add("unknown");
      members.add(Set.of());

      long[] expected = new long[keys.size()];
      for (int k = 0; k < keys.size(); k++) {
        expected[k] = members.get(k).stream().filter(dictionary::isLive).count();
      }
      long[] counts = new TagCoverage(index, dictionary).counts(keys);
      assertThat(counts).as("holes=%s", holes).containsExactly(expected);
      assertThat(counts).isEqualTo(new TagStatistics(index, dictionary).coverage(keys));
    }
  }
}
