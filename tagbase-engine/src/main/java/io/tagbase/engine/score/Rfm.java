package io.tagbase.engine.score;

import io.tagbase.engine.TagBitmap;
import java.util.List;

/**
 * RFM scores for every customer id at once: recency, frequency and monetary values (NaN: no
 * qualifying event) scored 1..k each, for live customers with a recency only, and a tier per
 * customer from a table of every (r, f, m) combination, so a tier costs one array read. Cost: three
 * sorts of the scored values (quantiles) and two passes over the ids.
 */
public final class Rfm {
  private Rfm() {}

  /**
   * Scores per customer id (0: not scored), the cut points used per measure (R, F, M), and the
   * number of customers scored.
   */
  public record Scores(int[] r, int[] f, int[] m, double[][] cuts, long scored) {}

  /** Scores the three measures; the arrays are cleared (NaN) for customers not scored. */
  public static Scores score(
      double[] recency,
      double[] frequency,
      double[] monetary,
      TagBitmap live,
      Scoring recencyScoring,
      Scoring frequencyScoring,
      Scoring monetaryScoring) {
    int capacity = recency.length;
    boolean everyoneLive = live.cardinality() == capacity;
    long scored = 0;
    for (int id = 0; id < capacity; id++) {
      if (Double.isNaN(recency[id]) || (!everyoneLive && !live.contains(id))) {
        recency[id] = Double.NaN;
        frequency[id] = Double.NaN;
        monetary[id] = Double.NaN;
      } else {
        scored++;
      }
    }
    // the three measures are scored independently: recency and frequency on another thread
    var r =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> scored(recency, recencyScoring));
    var f =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> scored(frequency, frequencyScoring));
    Object[] m = scored(monetary, monetaryScoring);
    Object[] rs = r.join();
    Object[] fs = f.join();
    double[][] cuts = {(double[]) rs[1], (double[]) fs[1], (double[]) m[1]};
    return new Scores((int[]) rs[0], (int[]) fs[0], (int[]) m[0], cuts, scored);
  }

  /** {scores, cut points} of one measure. */
  private static Object[] scored(double[] values, Scoring scoring) {
    double[] cuts = scoring.cuts(values);
    return new Object[] {scoring.score(values, cuts), cuts};
  }

  /** A tier for every (r, f, m) in 1..bands, computed once. */
  public record TierTable(int bands, String[] tiers) {

    /** Builds the table from {@code tier(r, f, m)} (null: no tier). */
    public static TierTable of(int bands, TierFunction tier) {
      String[] tiers = new String[bands * bands * bands];
      for (int r = 1; r <= bands; r++) {
        for (int f = 1; f <= bands; f++) {
          for (int m = 1; m <= bands; m++) {
            tiers[((r - 1) * bands + (f - 1)) * bands + (m - 1)] = tier.tier(r, f, m);
          }
        }
      }
      return new TierTable(bands, tiers);
    }

    /** The distinct tiers of the table, in the order they first appear. */
    public List<String> names() {
      return java.util.Arrays.stream(tiers).filter(t -> t != null).distinct().toList();
    }

    /** The tier of scores (r, f, m), each 1..bands. */
    public String tier(int r, int f, int m) {
      return tiers[((r - 1) * bands + (f - 1)) * bands + (m - 1)];
    }
  }

  /** The tier of one combination of scores. */
  @FunctionalInterface
  public interface TierFunction {
    String tier(int r, int f, int m);
  }

  /**
   * Each customer's tier as an index into {@link TierTable#names()} (-1: not scored or no tier):
   * cheaper than strings for counting and for building one bitmap per tier.
   */
  public static int[] tierIndexes(Scores scores, TierTable table) {
    List<String> names = table.names();
    int bands = table.bands();
    int[] byCombination = new int[table.tiers().length];
    for (int i = 0; i < byCombination.length; i++) {
      byCombination[i] = table.tiers()[i] == null ? -1 : names.indexOf(table.tiers()[i]);
    }
    int[] r = scores.r();
    int[] f = scores.f();
    int[] m = scores.m();
    int[] tiers = new int[r.length];
    for (int id = 0; id < tiers.length; id++) {
      tiers[id] =
          r[id] == 0
              ? -1
              : byCombination[((r[id] - 1) * bands + (f[id] - 1)) * bands + (m[id] - 1)];
    }
    return tiers;
  }
}
