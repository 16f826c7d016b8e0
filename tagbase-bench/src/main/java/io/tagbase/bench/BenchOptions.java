package io.tagbase.bench;

import java.util.Locale;

/**
 * Command-line options. {@code --customers} takes {@code tiny} (20,000), {@code 1m}, {@code 10m},
 * {@code 50m} or any count with an optional k/m suffix.
 */
record BenchOptions(
    int customers,
    long seed,
    boolean postgres,
    boolean smoke,
    int pgLoadBudgetSeconds,
    int pgQueryTimeoutSeconds,
    int pgMeasureSeconds,
    int tagbaseMeasureSeconds,
    String out) {

  static final String USAGE =
      "usage: Bench [--customers tiny|1m|10m|50m|<n>] [--seed 42] [--no-postgres]"
          + " [--pg-load-budget 240] [--pg-query-timeout 120 (30 from 5M)]"
          + " [--pg-measure 10 (5 from 5M)]"
          + " [--tagbase-measure 3] [--smoke] [--out FILE]";

  static BenchOptions parse(String... args) {
    int customers = 1_000_000;
    long seed = 42;
    boolean postgres = true;
    boolean smoke = false;
    int loadBudget = 240;
    Integer queryTimeout = null;
    Integer pgMeasure = null;
    int tagbaseMeasure = 3;
    String out = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--customers" -> customers = parseCount(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--no-postgres" -> postgres = false;
        case "--smoke" -> smoke = true;
        case "--pg-load-budget" -> loadBudget = Integer.parseInt(args[++i]);
        case "--pg-query-timeout" -> queryTimeout = Integer.parseInt(args[++i]);
        case "--pg-measure" -> pgMeasure = Integer.parseInt(args[++i]);
        case "--tagbase-measure" -> tagbaseMeasure = Integer.parseInt(args[++i]);
        case "--out" -> out = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    if (out == null) {
      String dir =
          java.nio.file.Files.isDirectory(java.nio.file.Path.of("tagbase-bench"))
              ? "tagbase-bench/target/"
              : "target/";
      out = dir + "bench-results-" + label(customers) + ".md";
    }
    // From 5M customers the baselines' slowest queries take minutes: a shorter timeout and
    // measuring time keep the whole run well under ten minutes; slower queries show as timed out.
    boolean large = customers >= 5_000_000;
    return new BenchOptions(
        customers,
        seed,
        postgres,
        smoke,
        loadBudget,
        queryTimeout != null ? queryTimeout : large ? 30 : 120,
        pgMeasure != null ? pgMeasure : large ? 5 : 10,
        tagbaseMeasure,
        out);
  }

  static int parseCount(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
    if (t.equals("tiny")) {
      return 20_000;
    }
    long factor = t.endsWith("m") ? 1_000_000 : t.endsWith("k") ? 1_000 : 1;
    String digits = factor == 1 ? t : t.substring(0, t.length() - 1);
    long count = Math.round(Double.parseDouble(digits) * factor);
    if (count <= 0 || count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("customers out of range: " + text);
    }
    return (int) count;
  }

  static String label(int customers) {
    if (customers % 1_000_000 == 0) {
      return customers / 1_000_000 + "m";
    }
    return customers % 1_000 == 0 ? customers / 1_000 + "k" : Integer.toString(customers);
  }

  Timing.Budget tagbaseBudget() {
    return smoke
        ? Timing.Budget.SMOKE
        : new Timing.Budget(1_000, 10, tagbaseMeasureSeconds * 1000L, 2_000);
  }

  Timing.Budget postgresBudget() {
    return smoke ? Timing.Budget.SMOKE : new Timing.Budget(0, 1, pgMeasureSeconds * 1000L, 50);
  }
}
