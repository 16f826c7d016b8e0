package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The evaluator against a brute-force check of every id, on seeded random worlds. */
class SegmentEvaluatorTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 63, 64, 65, 129, 3_000, 5_000})
  void evaluateMatchesBruteForce(int universe) {
    World world = World.random(universe, universe);
    for (Condition condition : world.conditions(60)) {
      assertThat(world.evaluator.evaluate(condition).toArray())
          .as("%s", condition)
          .isEqualTo(world.expected(condition));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 63, 64, 65, 129, 3_000, 5_000})
  void countMatchesBruteForce(int universe) {
    World world = World.random(universe, universe + 1);
    for (Condition condition : world.conditions(60)) {
      assertThat(world.evaluator.count(condition))
          .as("%s", condition)
          .isEqualTo(world.expected(condition).length);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65, 3_000})
  void pageMatchesASliceOfTheBruteForceResult(int universe) {
    World world = World.random(universe, universe + 2);
    Random random = new Random(universe);
    for (Condition condition : world.conditions(60)) {
      int[] all = world.expected(condition);
      int offset = random.nextInt(all.length + 3);
      int limit = random.nextInt(all.length + 3);
      int[] slice =
          Arrays.copyOfRange(
              all, Math.min(offset, all.length), Math.min(all.length, offset + limit));
      assertThat(world.evaluator.page(condition, offset, limit))
          .as("%s offset %d limit %d", condition, offset, limit)
          .isEqualTo(new SegmentPage(all.length, slice));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 3_000})
  void evaluationNeverModifiesTheIndexOrTheDictionary(int universe) {
    World world = World.random(universe, universe + 3);
    for (Condition condition : world.conditions(100)) {
      world.evaluator.evaluate(condition).add(universe + 5);
      world.evaluator.count(condition);
      world.evaluator.page(condition, 1, 10);
    }
    world.tags.forEach(
        (tag, ids) ->
            assertThat(world.index.bitmap(tag).toArray()).isEqualTo(RandomIds.sorted(ids)));
    assertThat(world.dictionary.live().toArray()).isEqualTo(RandomIds.sorted(world.live));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 65})
  void pageBeyondTheEndOrWithLimitZeroIsEmptyButCountsTheTotal(int universe) {
    World world = World.random(universe, 9);
    SegmentEvaluator evaluator = world.evaluator;
    int live = world.live.size();
    assertThat(evaluator.page(Condition.everyone(), live, 10))
        .isEqualTo(new SegmentPage(live, new int[0]));
    assertThat(evaluator.page(Condition.everyone(), 0, 0))
        .isEqualTo(new SegmentPage(live, new int[0]));
  }

  /**
   * A dictionary with holes and an index over it. Some holes are still in tag bitmaps (as if {@link
   * TagIndex#removeCustomer} was never called) and some tags name ids past the dictionary's
   * capacity: neither may show up in a result.
   */
  private static final class World {
    final CustomerDictionary dictionary = new CustomerDictionary();
    final TagIndex index = new TagIndex();
    final SegmentEvaluator evaluator = new SegmentEvaluator(index, dictionary);
    final Map<String, Set<Integer>> tags = new HashMap<>();
    final Set<Integer> live = new TreeSet<>();
    final Map<String, Set<Integer>> members = new HashMap<>();
    final Random random;
    final int universe;

    private World(long seed, int universe) {
      this.random = new Random(seed);
      this.universe = universe;
    }

    static World random(int universe, long seed) {
      World world = new World(seed, universe);
      world.fill();
      return world;
    }

    private void fill() {
      for (int id = 0; id < universe; id++) {
        live.add(dictionary.intern("customer-" + id));
      }
      for (int t = 0; t < 8; t++) {
        double density = RandomIds.DENSITIES[random.nextInt(RandomIds.DENSITIES.length)];
        String tag = "t" + t;
        Set<Integer> ids =
            RandomIds.idsOrCluster(random, universe + 70, density); // 70 ids past the end
        tags.put(tag, ids);
        ids.forEach(id -> index.assign(tag, id));
      }
      for (int id = 0; id < universe; id++) {
        int hole = id;
        if (random.nextInt(10) == 0) {
          dictionary.remove("customer-" + id);
          live.remove(id);
          if (random.nextBoolean()) {
            index.removeCustomer(id);
            tags.values().forEach(ids -> ids.remove(hole));
          }
        }
      }
      if (random.nextBoolean()) {
        index.optimize(universe);
      }
    }

    List<Condition> conditions(int count) {
      List<Condition> conditions = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        conditions.add(condition(1 + random.nextInt(4)));
      }
      return conditions;
    }

    private Condition condition(int depth) {
      int kind = depth == 1 ? 0 : random.nextInt(4);
      if (kind == 0) {
        int pick = random.nextInt(20);
        if (pick == 1) { // precomputed members, dead and past-the-end ids included
          double density = RandomIds.DENSITIES[random.nextInt(RandomIds.DENSITIES.length)];
          Set<Integer> ids = RandomIds.ids(random, universe + 70, density);
          String label = "m" + members.size();
          members.put(label, ids);
          return new Condition.Members(
              TagBitmap.of(ids.stream().mapToInt(Integer::intValue).toArray()), label);
        }
        return pick == 0 ? Condition.everyone() : Condition.tag("t" + (pick % 9)); // t8 is unknown
      }
      if (kind == 3) {
        return Condition.not(condition(depth - 1));
      }
      List<Condition> terms = new ArrayList<>();
      for (int i = random.nextInt(5); i > 0; i--) {
        terms.add(condition(depth - 1));
      }
      return kind == 1 ? Condition.and(terms) : Condition.or(terms);
    }

    int[] expected(Condition condition) {
      return live.stream()
          .filter(id -> matches(condition, id))
          .mapToInt(Integer::intValue)
          .toArray();
    }

    private boolean matches(Condition condition, int id) {
      if (condition instanceof Condition.HasTag has) {
        return tags.getOrDefault(has.tag(), Set.of()).contains(id);
      }
      if (condition instanceof Condition.And and) {
        return and.terms().stream().allMatch(term -> matches(term, id));
      }
      if (condition instanceof Condition.Or or) {
        return or.terms().stream().anyMatch(term -> matches(term, id));
      }
      if (condition instanceof Condition.Not not) {
        return !matches(not.term(), id);
      }
      if (condition instanceof Condition.Members m) {
        return members.get(m.label()).contains(id);
      }
      return true; // Everyone
    }
  }
}
