package io.tagbase.engine;

import static io.tagbase.engine.Condition.and;
import static io.tagbase.engine.Condition.everyone;
import static io.tagbase.engine.Condition.not;
import static io.tagbase.engine.Condition.or;
import static io.tagbase.engine.Condition.tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The block-at-a-time count against a brute-force check, on all-dense tags of mixed lengths. */
class DenseBlockCounterTest {

  @ParameterizedTest
  // 16,384 ids: one block of 256 words; 600,000 ids: more words than a count keeps on one core
  @ValueSource(ints = {1, 64, 65, 16_384, 16_385, 70_000, 600_000})
  void countMatchesBruteForce(int universe) {
    int parallelWork = DenseBlockCounter.parallelWork;
    if (universe > 100_000) {
      DenseBlockCounter.parallelWork = 0; // split every pass over the cores
    }
    try {
      countMatchesBruteForce(universe, new Random(universe));
    } finally {
      DenseBlockCounter.parallelWork = parallelWork;
    }
  }

  private void countMatchesBruteForce(int universe, Random random) {
    CustomerDictionary dictionary = new CustomerDictionary();
    TagIndex index = new TagIndex();
    Set<Integer> live = new TreeSet<>();
    for (int id = 0; id < universe; id++) {
      live.add(dictionary.intern("c" + id));
    }
    List<Set<Integer>> tags = new ArrayList<>();
    for (int t = 0; t < 5; t++) {
      int length = 1 + random.nextInt(universe + 100); // shorter and longer than the universe
      Set<Integer> ids = RandomIds.idsOrCluster(random, length, 0.05 + 0.9 * random.nextDouble());
      ids.add(0); // never empty: optimize() keeps it dense
      tags.add(ids);
      for (int id : ids) {
        index.assign("t" + t, id);
      }
    }
    for (int id = 0; id < universe; id += 7) {
      dictionary.remove("c" + id);
      live.remove(id);
    }
    index.optimize(1); // every non-empty tag dense
    for (int t = 0; t < tags.size(); t++) { // removals leave a dense span wider than its ids
      Set<Integer> ids = tags.get(t);
      int last = ((TreeSet<Integer>) ids).last();
      if (last != 0) {
        index.unassign("t" + t, last);
        ids.remove(last);
      }
    }
    SegmentEvaluator evaluator = new SegmentEvaluator(index, dictionary);
    List<BitSet> reference = new ArrayList<>();
    for (Set<Integer> ids : tags) {
      BitSet bits = new BitSet();
      ids.forEach(bits::set);
      reference.add(bits);
    }
    int[] values = new int[Math.max(0, universe - random.nextInt(70))]; // ids past it: no value
    for (int id = 0; id < values.length; id++) {
      values[id] = random.nextInt(100);
    }
    IntColumn column = IntColumn.of(values);
    int trials = universe > 100_000 ? 30 : 100;
    for (int trial = 0; trial < trials; trial++) {
      Condition condition = condition(random, 3);
      assertThat(DenseBlockCounter.applies(condition, index)).isTrue();
      int[] expectedIds =
          live.stream()
              .filter(id -> matches(condition, reference, id))
              .mapToInt(Integer::intValue)
              .toArray();
      long expected = expectedIds.length;
      assertThat(evaluator.count(condition)).as("%s", condition).isEqualTo(expected);
      int min = random.nextInt(100);
      int max = min + random.nextInt(40);
      assertThat(evaluator.count(condition, List.of(new IntColumn.Range(column, min, max))))
          .as("%s with values in [%d, %d]", condition, min, max)
          .isEqualTo(
              java.util.Arrays.stream(expectedIds)
                  .filter(id -> id < values.length && values[id] >= min && values[id] <= max)
                  .count());
      if (trial % 3 == 0) { // evaluate and page take the same block path
        TagBitmap members = evaluator.evaluate(condition);
        assertThat(members.toArray()).as("%s", condition).isEqualTo(expectedIds);
        assertThat(members.cardinality()).isEqualTo(expected);
        SegmentPage page = evaluator.page(condition, 1, 5);
        assertThat(page.total()).isEqualTo(expected);
        assertThat(page.ids())
            .isEqualTo(
                java.util.Arrays.copyOfRange(
                    expectedIds, Math.min(1, expectedIds.length), Math.min(6, expectedIds.length)));
      }
    }
  }

  private static Condition condition(Random random, int depth) {
    int kind = depth == 0 ? 0 : random.nextInt(5);
    if (kind == 0) {
      return random.nextInt(15) == 0 ? everyone() : tag("t" + random.nextInt(5));
    }
    if (kind == 1) {
      return not(condition(random, depth - 1));
    }
    List<Condition> terms = new ArrayList<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      terms.add(
          random.nextInt(3) == 0
              ? not(tag("t" + random.nextInt(5)))
              : condition(random, depth - 1));
    }
    return kind % 2 == 0 ? and(terms) : or(terms);
  }

  private static boolean matches(Condition condition, List<BitSet> tags, int id) {
    if (condition instanceof Condition.HasTag has) {
      return tags.get(Integer.parseInt(has.tag().substring(1))).get(id);
    }
    if (condition instanceof Condition.And and) {
      return and.terms().stream().allMatch(term -> matches(term, tags, id));
    }
    if (condition instanceof Condition.Or or) {
      return or.terms().stream().anyMatch(term -> matches(term, tags, id));
    }
    if (condition instanceof Condition.Not not) {
      return !matches(not.term(), tags, id);
    }
    return true;
  }
}
