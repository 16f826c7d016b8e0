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
   * A bitmap holding {@code ids}, added in random order. Dense ones start at a random length so
   * that operands of different word counts meet.
   */
  static TagBitmap bitmap(Random random, Set<Integer> ids, boolean dense, int universe) {
    TagBitmap bits = dense ? TagBitmap.dense(random.nextInt(universe + 130)) : TagBitmap.empty();
    List<Integer> shuffled = new ArrayList<>(ids);
    Collections.shuffle(shuffled, random);
    for (int id : shuffled) {
      bits.add(id);
    }
    return bits;
  }

  static int[] sorted(Set<Integer> ids) {
    return ids.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** One operand: a reference set and a bitmap with the same ids. Tests must not modify either. */
  record Operand(TreeSet<Integer> ids, TagBitmap bits, double density) {
    static Operand random(Random random, int universe, boolean dense) {
      double density = DENSITIES[random.nextInt(DENSITIES.length)];
      TreeSet<Integer> ids = RandomIds.ids(random, universe, density);
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
