package io.tagbase.bench;

import java.util.Arrays;

/**
 * Repeated timing of one query on one engine: warm-up, then timed runs until a time budget is
 * spent. Percentiles are nearest-rank, so with fewer than 100 runs p99 is the slowest run.
 */
final class Timing {
  /** What a query returns, and may throw. */
  interface Task {
    long[] run() throws Exception;
  }

  /**
   * How long to warm up and to measure. The first call's answer is the one checked; a task whose
   * first call alone takes the whole measuring budget is not repeated: that call is its one run.
   */
  record Budget(long warmupMillis, int minWarmups, long measureMillis, int maxRuns) {
    static final Budget SMOKE = new Budget(0, 0, 0, 1);
  }

  /** The first answer and the timed runs, in milliseconds. */
  record Measurement(long[] answer, double[] millis) {
    double median() {
      return percentile(50);
    }

    double p99() {
      return percentile(99);
    }

    int runs() {
      return millis.length;
    }

    private double percentile(int p) {
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)];
    }
  }

  private static volatile long sink; // keeps answers alive so no run can be optimized away

  private Timing() {}

  static Measurement measure(Task task, Budget budget) throws Exception {
    long start = System.nanoTime();
    long[] answer = task.run();
    double first = (System.nanoTime() - start) / 1e6;
    if (budget.measureMillis() > 0 && first >= budget.measureMillis()) {
      return new Measurement(answer, new double[] {first}); // too slow to repeat: one run
    }
    for (int i = 1; i < budget.minWarmups() || elapsedMillis(start) < budget.warmupMillis(); i++) {
      sink ^= task.run()[0];
    }
    double[] millis = new double[budget.maxRuns()];
    int runs = 0;
    long measuring = System.nanoTime();
    do {
      long t0 = System.nanoTime();
      sink ^= task.run()[0];
      millis[runs++] = (System.nanoTime() - t0) / 1e6;
    } while (runs < budget.maxRuns() && elapsedMillis(measuring) + first <= budget.measureMillis());
    return new Measurement(answer, Arrays.copyOf(millis, runs));
  }

  private static double elapsedMillis(long since) {
    return (System.nanoTime() - since) / 1e6;
  }
}
