package io.tagbase.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brute-force answers for {@link AnalyticsBench}: one loop over every customer per question, from
 * the generated per-customer values ({@link AnalyticsWorld}), never from a bitmap. For small runs
 * only (a boolean per customer per flag tag asked about).
 */
final class Reference {
  private final AnalyticsWorld w;
  private final int customers;
  private final Map<String, boolean[]> flags = new HashMap<>();

  Reference(AnalyticsWorld w) {
    this.w = w;
    this.customers = w.stage()[0].length;
  }

  long[] coverage(List<String> keys) {
    long[] counts = new long[keys.size()];
    for (int k = 0; k < keys.size(); k++) {
      for (int id = 0; id < customers; id++) {
        if (live(id) && holds(keys.get(k), id)) {
          counts[k]++;
        }
      }
    }
    return counts;
  }

  long any(List<String> keys) {
    long n = 0;
    for (int id = 0; id < customers; id++) {
      final int c = id;
      if (live(id) && keys.stream().anyMatch(k -> holds(k, c))) {
        n++;
      }
    }
    return n;
  }

  long both(String a, String b) {
    long n = 0;
    for (int id = 0; id < customers; id++) {
      if (live(id) && holds(a, id) && holds(b, id)) {
        n++;
      }
    }
    return n;
  }

  long[] venn(List<String> keys) {
    long[] regions = new long[1 << keys.size()];
    for (int id = 0; id < customers; id++) {
      if (live(id)) {
        int mask = 0;
        for (int k = 0; k < keys.size(); k++) {
          if (holds(keys.get(k), id)) {
            mask |= 1 << k;
          }
        }
        regions[mask]++;
      }
    }
    return regions;
  }

  /** Cells of two layered tags' values now, row-major. */
  long[] crossTab(String rows, String columns) {
    int width = AnalyticsWorld.values(columns);
    long[] cells = new long[AnalyticsWorld.values(rows) * width];
    for (int id = 0; id < customers; id++) {
      int r = w.valueNow(rows, id);
      int c = w.valueNow(columns, id);
      if (live(id) && r >= 0 && c >= 0) {
        cells[r * width + c]++;
      }
    }
    return cells;
  }

  /** Live holders of {@code tag} who also hold each key. */
  long[] inside(String tag, List<String> keys) {
    long[] counts = new long[keys.size()];
    for (int id = 0; id < customers; id++) {
      if (live(id) && holds(tag, id)) {
        for (int k = 0; k < keys.size(); k++) {
          if (holds(keys.get(k), id)) {
            counts[k]++;
          }
        }
      }
    }
    return counts;
  }

  /** Lifecycle flow from date {@code a} to {@code b} (0, 1 stored, 2 now), "none" last. */
  long[] flow(int a, int b) {
    int width = AnalyticsWorld.STAGES + 1;
    long[] cells = new long[width * width];
    for (int id = 0; id < customers; id++) {
      if (live(id)) {
        int from = w.stage()[a][id];
        int to = w.stage()[b][id];
        cells[(from < 0 ? width - 1 : from) * width + (to < 0 ? width - 1 : to)]++;
      }
    }
    return cells;
  }

  /**
   * Conversion counts (tagged, tagged converted, untagged, untagged converted): of head_20's
   * holders now when {@code atStart} is null, else of the value tier's holders at the stored day.
   */
  long[] conversion(AnalyticsWorld atStart) {
    Set<Integer> converted = new HashSet<>();
    for (int stored : w.converters()) {
      converted.add(stored);
    }
    long[] counts = new long[4];
    for (int id = 0; id < customers; id++) {
      if (live(id)) {
        boolean tagged = atStart == null ? holds("head_20", id) : w.tierAtStart()[id] >= 0;
        boolean did = converted.contains(AnalyticsWorld.storedId(id));
        counts[tagged ? 0 : 2]++;
        if (did) {
          counts[tagged ? 1 : 3]++;
        }
      }
    }
    return counts;
  }

  private boolean live(int id) {
    return id % 997 != 996;
  }

  private boolean holds(String key, int id) {
    for (String layered : AnalyticsWorld.LAYERED) {
      if (key.equals(layered)) {
        return w.valueNow(layered, id) >= 0;
      }
      if (key.startsWith(layered + "=v")) {
        return w.valueNow(layered, id) == Integer.parseInt(key.substring(layered.length() + 2));
      }
    }
    return flags.computeIfAbsent(key, this::flag)[id];
  }

  private boolean[] flag(String name) {
    boolean[] has = new boolean[customers];
    for (int id : w.data().members()[TagCatalogue.id(name)]) {
      has[id] = true;
    }
    return has;
  }
}
