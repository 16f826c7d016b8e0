package io.tagbase.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The 200 benchmark tags, in tag-id order (the id is the position; PostgreSQL stores it).
 *
 * <ul>
 *   <li>0-9: ten head tags at 50/30/20/10/5/2/1/40/60/15 %, members drawn independently;
 *   <li>10-21: twelve sign-up cohorts, each a contiguous twelfth of the customer ids;
 *   <li>22-23: {@code high_spend} (spend at or above its 90th percentile) and {@code vip} (99th),
 *       so every vip is also high_spend;
 *   <li>24-199: 176 skewed tags {@code t001..t176}, tag k drawn at density min(0.5, 2/(k+1)).
 * </ul>
 */
final class TagCatalogue {
  static final int SIZE = 200;
  static final int COHORTS = 12;
  static final int FIRST_COHORT = 10;
  static final int HIGH_SPEND = 22;
  static final int VIP = 23;
  static final int FIRST_SKEWED = 24;

  private static final double[] HEAD = {0.50, 0.30, 0.20, 0.10, 0.05, 0.02, 0.01, 0.40, 0.60, 0.15};

  private static final List<String> NAMES = build();

  private TagCatalogue() {}

  static List<String> names() {
    return NAMES;
  }

  private static List<String> build() {
    List<String> names = new ArrayList<>(SIZE);
    for (double density : HEAD) {
      names.add(String.format("head_%02d", Math.round(density * 100)));
    }
    for (int c = 1; c <= COHORTS; c++) {
      names.add(String.format("cohort_%02d", c));
    }
    names.add("high_spend");
    names.add("vip");
    for (int k = 1; names.size() < SIZE; k++) {
      names.add(String.format("t%03d", k));
    }
    return List.copyOf(names);
  }

  static String name(int tag) {
    return NAMES.get(tag);
  }

  static int id(String name) {
    int id = NAMES.indexOf(name);
    if (id < 0) {
      throw new IllegalArgumentException("no such benchmark tag: " + name);
    }
    return id;
  }

  /** The independent draw density of a head or skewed tag; NaN for cohorts and spend tags. */
  static double density(int tag) {
    if (tag < HEAD.length) {
      return HEAD[tag];
    }
    if (tag >= FIRST_SKEWED) {
      int k = tag - FIRST_SKEWED + 1;
      return Math.min(0.5, 2.0 / (k + 1));
    }
    return Double.NaN;
  }
}
