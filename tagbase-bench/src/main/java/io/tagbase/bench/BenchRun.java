package io.tagbase.bench;

import io.tagbase.bench.SqlConditions.Schema;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run: generate, load every engine, check every answer against Tagbase's, time.
 * Progress goes to {@code log}; the result is a {@link BenchReport}.
 */
final class BenchRun {
  static final List<String> ENGINES = List.of("Tagbase", "PG int[]+GIN", "PG join table");

  private final BenchOptions options;
  private final PrintStream log;

  BenchRun(BenchOptions options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  BenchReport run() throws Exception {
    BenchReport report = new BenchReport(options, Machine.current());
    long t0 = System.nanoTime();
    BenchData data = BenchData.generate(options.customers(), options.seed());
    report.generated(data, millisSince(t0));
    log.printf(
        "generated %,d customers, %,d tag assignments in %,d ms%n",
        data.customers(), data.assignments(), millisSince(t0));

    long heapBefore = usedHeapAfterGc();
    t0 = System.nanoTime();
    TagbaseEngine tagbase = new TagbaseEngine(data);
    long built = millisSince(t0);
    report.loaded(
        "Tagbase",
        new PostgresLoader.Load(
            true, built, "dictionary intern + TagIndex.assign + optimize + columns"));
    report.memory(tagbase.bitmapBytes(), tagbase.columnBytes(), usedHeapAfterGc() - heapBefore);
    log.printf("Tagbase built in %,d ms, tag bitmaps %,d bytes%n", built, tagbase.bitmapBytes());
    long[] snapshot =
        tagbase.snapshotRestart(data, Path.of(System.getProperty("java.io.tmpdir")), 3);
    report.snapshot(snapshot);
    log.printf(
        "index snapshot: %,d bytes written in %,d ms, read back in %s ms%n",
        snapshot[0],
        snapshot[1],
        Arrays.toString(Arrays.copyOfRange(snapshot, 2, snapshot.length)));

    Map<String, Engine> engines = new LinkedHashMap<>();
    engines.put("Tagbase", tagbase);
    PostgresServer postgres = null;
    try {
      if (options.postgres()) {
        t0 = System.nanoTime();
        postgres = PostgresServer.start(options.customers() <= 100_000);
        report.postgres(postgres.version(), postgres.settings(), millisSince(t0));
        log.printf("PostgreSQL %s started in %,d ms%n", postgres.version(), millisSince(t0));
        PostgresLoader loader = new PostgresLoader(data, options.pgLoadBudgetSeconds() * 1000L);
        var connection = postgres.connect();
        PostgresLoader.Load load = loader.loadArrayTable(connection);
        addPostgres(engines, report, "PG int[]+GIN", load, connection, Schema.ARRAY);
        connection = postgres.connect();
        load = loader.loadJoinTable(connection);
        addPostgres(engines, report, "PG join table", load, connection, Schema.JOIN);
      }
      data = null; // the engines hold what they need from here on
      for (BenchQuery query : BenchQuery.mix()) {
        runQuery(query, engines, report);
      }
    } finally {
      for (Engine engine : engines.values()) {
        engine.close();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
    return report;
  }

  private void addPostgres(
      Map<String, Engine> engines,
      BenchReport report,
      String name,
      PostgresLoader.Load load,
      java.sql.Connection connection,
      Schema schema)
      throws SQLException {
    report.loaded(name, load);
    log.printf(
        "%s: %s in %,d ms %s%n",
        name, load.loaded() ? "loaded" : "NOT loaded", load.millis(), load.note());
    if (load.loaded()) {
      PostgresEngine engine =
          new PostgresEngine(connection, schema, options.pgQueryTimeoutSeconds());
      engines.put(name, engine);
      for (BenchQuery query : BenchQuery.mix()) {
        report.sql(query.id() + " " + name, engine.sql(query));
      }
    } else {
      connection.close();
    }
  }

  private void runQuery(BenchQuery query, Map<String, Engine> engines, BenchReport report)
      throws Exception {
    long[] expected = null;
    for (Engine engine : engines.values()) {
      boolean isTagbase = engine instanceof TagbaseEngine;
      if (isTagbase) {
        System.gc(); // start each Tagbase measurement with an empty young generation
      }
      Timing.Measurement m;
      try {
        m =
            Timing.measure(
                () -> engine.run(query),
                isTagbase ? options.tagbaseBudget() : options.postgresBudget());
      } catch (SQLException e) {
        if (!"57014".equals(e.getSQLState())) {
          throw e;
        }
        report.problem(
            query, engine.name(), "timed out (> " + options.pgQueryTimeoutSeconds() + " s)");
        log.printf("%s %-14s timed out%n", query.id(), engine.name());
        continue;
      }
      if (expected == null) {
        expected = m.answer();
      } else if (!Arrays.equals(expected, m.answer())) {
        report.mismatch(
            query,
            engine.name(),
            query.summarize(m.answer()) + " vs Tagbase " + query.summarize(expected));
      }
      report.measured(query, engine.name(), m);
      log.printf(
          "%s %-14s %-28s median %10.3f ms  p99 %10.3f ms  (%d runs)%n",
          query.id(), engine.name(), query.summarize(m.answer()), m.median(), m.p99(), m.runs());
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
