package io.tagbase.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** Seeded random id sets, and bitmaps holding them, for checks against a {@code Set} reference. */
final class RandomIds {
  /** Word edges (63, 64, 65, 127...) and a Roaring container edge (65_536). */
  static final int[] UNIVERSES = {0, 1, 2, 63, 64, 65, 127, 128, 129, 1000, 4099, 70_000};

  /** From empty through very sparse, around 1/64, to full. */
  static final double[] DENSITIES = {0, 0.0005, 0.004, 1.0 / 64, 0.05, 0.3, 0.7, 0.98, 1};

  private RandomIds() {}

  static TreeSet<Integer> ids(Random random, int universe, double density) {
    TreeSet<Integer> ids = new TreeSet<>();
    for (int id = 0; id < universe; id++) {
      if (random.nextDouble() < density) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * Ids drawn with {@code density} inside one random window of {@code [0, universe)} only, as a
   * sign-up cohort or a batch import would give: dense bitmaps keep a narrow span for them.
   */
  static TreeSet<Integer> clustered(Random random, int universe, double density) {
    TreeSet<Integer> ids = new TreeSet<>();
    if (universe == 0) {
      return ids;
    }
    int from = random.nextInt(universe);
    int to = from + random.nextInt(universe - from + 1);
    for (int id = from; id < to; id++) {
      if (random.nextDouble() < density) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** Uniform over the universe or, half the time, {@link #clustered}. */
  static TreeSet<Integer> idsOrCluster(Random random, int universe, double density) {
    return random.nextBoolean()
        ? ids(random, universe, density)
        : clustered(random, universe, density);
  }

  /**
   * A bitmap holding {@code ids}, added in random order. Dense ones start at a random length so
   * that operands of different word counts meet. Ids outside the set, at both ends of the universe,
   * are sometimes added and removed again, so that a dense bitmap's span is wider than its ids
   * (removal never narrows it).
   */
  static TagBitmap bitmap(Random random, Set<Integer> ids, boolean dense, int universe) {
    TagBitmap bits = dense ? TagBitmap.dense(random.nextInt(universe + 130)) : TagBitmap.empty();
    List<Integer> shuffled = new ArrayList<>(ids);
    Collections.shuffle(shuffled, random);
    List<Integer> passing = new ArrayList<>();
    if (universe > 0 && random.nextBoolean()) {
      for (int id : new int[] {0, universe - 1, random.nextInt(universe)}) {
        if (!ids.contains(id) && bits.add(id)) {
          passing.add(id);
        }
      }
    }
    for (int id : shuffled) {
      bits.add(id);
    }
    passing.forEach(bits::remove);
    return bits;
  }

  static int[] sorted(Set<Integer> ids) {
    return ids.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** One operand: a reference set and a bitmap with the same ids. Tests must not modify either. */
  record Operand(TreeSet<Integer> ids, TagBitmap bits, double density) {
    static Operand random(Random random, int universe, boolean dense) {
      double density = DENSITIES[random.nextInt(DENSITIES.length)];
      TreeSet<Integer> ids = idsOrCluster(random, universe, density);
      return new Operand(ids, bitmap(random, ids, dense, universe), density);
    }

    @Override
    public String toString() {
      return (bits.isDense() ? "dense" : "sparse") + "(" + ids.size() + " ids, p=" + density + ")";
    }
  }

  /** Two operands over one universe; every universe gets every mix of representations. */
  record Pair(int universe, Operand a, Operand b) {
    static List<Pair> all(long seed) {
      Random random = new Random(seed);
      List<Pair> pairs = new ArrayList<>();
      for (int universe : UNIVERSES) {
        for (int mix = 0; mix < 8; mix++) {
          boolean denseA = (mix & 1) != 0;
          boolean denseB = (mix & 2) != 0;
          pairs.add(
              new Pair(
                  universe,
                  Operand.random(random, universe, denseA),
                  Operand.random(random, universe, denseB)));
        }
      }
      return pairs;
    }

    @Override
    public String toString() {
      return "universe " + universe + ": " + a + " with " + b;
    }
  }
}
