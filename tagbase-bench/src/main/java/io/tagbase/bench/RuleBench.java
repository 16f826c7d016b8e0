package io.tagbase.bench;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagIndex;
import io.tagbase.engine.rule.BitmapPlan;
import io.tagbase.engine.rule.CheckedRule;
import io.tagbase.engine.rule.EventLog;
import io.tagbase.engine.rule.FieldType;
import io.tagbase.engine.rule.Measures;
import io.tagbase.engine.rule.RuleChecker;
import io.tagbase.engine.rule.RuleData;
import io.tagbase.engine.rule.RuleSchema;
import io.tagbase.engine.score.Lifecycle;
import io.tagbase.engine.score.Rfm;
import io.tagbase.engine.score.Scoring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * R1-R3: templates and behaviour rules over raw order events, Tagbase's rule engine side by side
 * with PostgreSQL on the same generated events. R1 scores RFM (recency, distinct orders, spend;
 * quantiles in 5 bands; the default tiers), R2 gives lifecycle stages (30/90/180 days), R3 counts
 * customers with at least 3 order lines in the last 30 days. Every answer (counts per tier, stage,
 * or the count) is checked equal across engines.
 *
 * <pre>
 * java -Xmx14g -cp tagbase-bench/target/tagbase-bench-0.1.0-SNAPSHOT-all.jar \
 *     io.tagbase.bench.RuleBench --customers 10m [--no-postgres] [--out bench-results/rules.md]
 * </pre>
 */
public final class RuleBench {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
  static final String[] TIERS = {
    "champions", "loyal", "potential", "at_risk", "hibernating", "others"
  };

  private RuleBench() {}

  /** Generated order lines, column by column; ids are customer ids 0..n-1. */
  record Events(int customers, int[] customer, int[] day, long[] orderId, int[] cents, int[] qty) {
    int size() {
      return customer.length;
    }
  }

  public static void main(String[] args) throws Exception {
    int customers =
        BenchOptions.parse(new String[] {"--customers", arg(args, "--customers", "100k")})
            .customers();
    boolean postgres = !List.of(args).contains("--no-postgres");
    String out = arg(args, "--out", "bench-results/rules.md");
    long seed = Long.parseLong(arg(args, "--seed", "42"));
    String markdown = run(customers, seed, postgres, null);
    System.out.println(markdown);
    Path path = Path.of(out);
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    Files.writeString(path, markdown);
    System.err.println("written to " + path.toAbsolutePath());
  }

  /** Runs R1-R3; a null budget measures for a few seconds per query. */
  static String run(int customers, long seed, boolean withPostgres, Timing.Budget budget)
      throws Exception {
    Timing.Budget timing = budget != null ? budget : new Timing.Budget(2_000, 2, 10_000, 20);
    long t0 = System.nanoTime();
    Events events = generate(customers, seed);
    long generated = millisSince(t0);
    System.err.printf(
        "generated %,d order lines for %,d customers in %,d ms%n",
        events.size(), customers, generated);
    t0 = System.nanoTime();
    RuleData data = tagbaseData(events);
    long built = millisSince(t0);
    System.err.printf("Tagbase event log built in %,d ms%n", built);

    Map<String, Map<String, Timing.Measurement>> results = new LinkedHashMap<>();
    Map<String, String> mismatches = new LinkedHashMap<>();
    Map<String, String> sql = new LinkedHashMap<>();
    results.put("R1", new LinkedHashMap<>());
    results.put("R2", new LinkedHashMap<>());
    results.put("R3", new LinkedHashMap<>());
    results.get("R1").put("Tagbase", Timing.measure(() -> rfm(data), timing));
    results.get("R2").put("Tagbase", Timing.measure(() -> lifecycle(data), timing));
    results.get("R3").put("Tagbase", Timing.measure(() -> recentBuyers(data), timing));
    long pgLoad = -1;
    if (withPostgres) {
      try (PostgresServer server = PostgresServer.start(customers <= 100_000);
          Connection c = server.connect()) {
        t0 = System.nanoTime();
        load(c, events);
        pgLoad = millisSince(t0);
        System.err.printf("PostgreSQL loaded in %,d ms%n", pgLoad);
        int today = (int) TODAY.toEpochDay();
        sql.put("R1", rfmSql(today));
        sql.put("R2", lifecycleSql(today));
        sql.put("R3", recentSql(today));
        for (String id : List.of("R1", "R2", "R3")) {
          String statement = sql.get(id);
          int width = id.equals("R3") ? 1 : id.equals("R1") ? TIERS.length + 1 : 5;
          Timing.Measurement m = Timing.measure(() -> query(c, statement, width), timing);
          results.get(id).put("PostgreSQL", m);
          long[] expected = results.get(id).get("Tagbase").answer();
          if (!Arrays.equals(expected, m.answer())) {
            mismatches.put(
                id, Arrays.toString(m.answer()) + " vs Tagbase " + Arrays.toString(expected));
          }
        }
      }
    }
    results.forEach(
        (id, byEngine) ->
            byEngine.forEach(
                (engine, m) ->
                    System.err.printf(
                        "%s %-10s %s median %10.3f ms p99 %10.3f ms (%d runs)%n",
                        id, engine, Arrays.toString(m.answer()), m.median(), m.p99(), m.runs())));
    return markdown(customers, events, generated, built, pgLoad, results, mismatches, sql);
  }

  /** Order lines: 1 in 4 customers never ordered; the rest 1 + geometric orders over two years. */
  static Events generate(int customers, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int today = (int) TODAY.toEpochDay();
    int capacity = customers * 4;
    int[] customer = new int[capacity];
    int[] day = new int[capacity];
    long[] orderId = new long[capacity];
    int[] cents = new int[capacity];
    int[] qty = new int[capacity];
    int size = 0;
    long nextOrder = 1;
    for (int id = 0; id < customers; id++) {
      if (random.nextInt(4) == 0) {
        continue;
      }
      int orders = 1;
      while (orders < 30 && random.nextDouble() < 0.55) {
        orders++;
      }
      // recent customers order more recently: an exponential age of the first order, capped at 2
      // years
      int lastAge = (int) Math.min(729, -Math.log(1 - random.nextDouble()) * 120);
      for (int o = 0; o < orders; o++) {
        int age = Math.min(729, lastAge + (o == 0 ? 0 : random.nextInt(200)));
        int lines = 1 + random.nextInt(3);
        long order = nextOrder++;
        for (int l = 0; l < lines; l++) {
          if (size == capacity) {
            capacity = capacity * 3 / 2;
            customer = Arrays.copyOf(customer, capacity);
            day = Arrays.copyOf(day, capacity);
            orderId = Arrays.copyOf(orderId, capacity);
            cents = Arrays.copyOf(cents, capacity);
            qty = Arrays.copyOf(qty, capacity);
          }
          customer[size] = id;
          day[size] = today - age;
          orderId[size] = order;
          cents[size] = (int) Math.min(1_000_000, Math.exp(7 + random.nextGaussian()));
          qty[size] = random.nextInt(33) == 0 ? -1 : 1 + random.nextInt(4);
          size++;
        }
      }
    }
    return new Events(
        customers,
        Arrays.copyOf(customer, size),
        Arrays.copyOf(day, size),
        Arrays.copyOf(orderId, size),
        Arrays.copyOf(cents, size),
        Arrays.copyOf(qty, size));
  }

  static final RuleSchema SCHEMA =
      RuleSchema.builder()
          .event(
              "order",
              List.of(
                  new RuleSchema.Field("order_id", FieldType.NUMBER, List.of(), List.of()),
                  new RuleSchema.Field("amount", FieldType.NUMBER, List.of(), List.of()),
                  new RuleSchema.Field("quantity", FieldType.NUMBER, List.of(), List.of())),
              "下单")
          .build();

  static RuleData tagbaseData(Events events) {
    CustomerDictionary dictionary = new CustomerDictionary();
    for (int id = 0; id < events.customers(); id++) {
      dictionary.intern(TagbaseEngine.externalId(id));
    }
    EventLog log = new EventLog();
    for (int i = 0; i < events.size(); i++) {
      log.append(
          events.customer()[i],
          "order",
          events.day()[i],
          Map.of(
              "order_id", (double) events.orderId()[i],
              "amount", (double) events.cents()[i],
              "quantity", (double) events.qty()[i]));
    }
    return new RuleData(SCHEMA, dictionary, new TagIndex(), log);
  }

  private static final CheckedRule MEASURES =
      RuleChecker.check(
          "days since last(order where quantity > 0) exists"
              + " and distinct count(order where quantity > 0, order_id) exists"
              + " and sum(order where quantity > 0, amount) exists",
          SCHEMA);

  /** Counts per tier (TIERS order), then the number of customers scored. */
  static long[] rfm(RuleData data) {
    List<double[]> measures = Measures.computeAll(Measures.aggregates(MEASURES), data, TODAY);
    Rfm.Scores scores =
        Rfm.score(
            measures.get(0),
            measures.get(1),
            measures.get(2),
            data.customers().live(),
            Scoring.quantiles(5, false),
            Scoring.quantiles(5, true),
            Scoring.quantiles(5, true));
    Rfm.TierTable table = Rfm.TierTable.of(5, RuleBench::defaultTier);
    long[] byIndex = new long[table.names().size()];
    for (int tier : Rfm.tierIndexes(scores, table)) {
      if (tier >= 0) {
        byIndex[tier]++;
      }
    }
    long[] counts = new long[TIERS.length + 1];
    for (int i = 0; i < byIndex.length; i++) {
      counts[List.of(TIERS).indexOf(table.names().get(i))] = byIndex[i];
    }
    counts[TIERS.length] = scores.scored();
    return counts;
  }

  /** The server's default tiers for 5 bands (TemplateTags.defaultSegments). */
  static String defaultTier(int r, int f, int m) {
    if (r >= 4 && f >= 4 && m >= 4) {
      return "champions";
    }
    if (f >= 4 && m >= 3) {
      return "loyal";
    }
    if (r >= 4 && f <= 2) {
      return "potential";
    }
    if (r <= 2 && f >= 3) {
      return "at_risk";
    }
    return r <= 2 && f <= 2 ? "hibernating" : "others";
  }

  private static final CheckedRule ORDERS =
      RuleChecker.check("did order where quantity > 0", SCHEMA);
  private static final Lifecycle STAGES = new Lifecycle(30, 90, 180);

  /** Counts per stage in Lifecycle.Stage order. */
  static long[] lifecycle(RuleData data) {
    Measures.EventDays days = Measures.days(Measures.dids(ORDERS).get(0), data, TODAY);
    int today = (int) TODAY.toEpochDay();
    TagBitmap live = data.customers().live();
    long[] counts = new long[Lifecycle.Stage.values().length];
    for (int id = 0; id < days.first().length; id++) {
      Lifecycle.Stage stage =
          STAGES.stage(days.first()[id], days.last()[id], days.previous()[id], today);
      if (stage != null && live.contains(id)) {
        counts[stage.ordinal()]++;
      }
    }
    return counts;
  }

  private static final BitmapPlan RECENT =
      BitmapPlan.compile(RuleChecker.check("count(order, last 30 days) >= 3", SCHEMA));

  static long[] recentBuyers(RuleData data) {
    return new long[] {RECENT.evaluate(data, TODAY).cardinality()};
  }

  static void load(Connection c, Events events) throws Exception {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE events (customer_id int NOT NULL, day int NOT NULL, order_id bigint NOT"
              + " NULL, amount bigint NOT NULL, quantity int NOT NULL)");
      CopyIn copy =
          c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY events FROM STDIN WITH (FREEZE)");
      CopyBuffer rows = new CopyBuffer(copy);
      for (int i = 0; i < events.size(); i++) {
        rows.put(events.customer()[i]).put('\t').put(events.day()[i]).put('\t');
        putLong(rows, events.orderId()[i]);
        rows.put('\t').put(events.cents()[i]).put('\t').put(events.qty()[i]);
        rows.endRow();
      }
      rows.flush();
      copy.endCopy();
      s.execute("CREATE INDEX events_customer ON events (customer_id, day)");
      c.commit();
      c.setAutoCommit(true);
      s.execute("VACUUM ANALYZE events");
    }
  }

  private static void putLong(CopyBuffer rows, long value) {
    for (char ch : Long.toString(value).toCharArray()) {
      rows.put(ch);
    }
  }

  static String rfmSql(int today) {
    String cuts = "ARRAY[0.2, 0.4, 0.6, 0.8]";
    return "WITH m AS (SELECT customer_id, "
        + today
        + " - max(day) AS r, count(DISTINCT order_id) AS f, sum(amount) AS m FROM events"
        + " WHERE quantity > 0 GROUP BY customer_id),"
        + " c AS (SELECT percentile_cont("
        + cuts
        + ") WITHIN GROUP (ORDER BY r) rc, percentile_cont("
        + cuts
        + ") WITHIN GROUP (ORDER BY f) fc, percentile_cont("
        + cuts
        + ") WITHIN GROUP (ORDER BY m) mc FROM m),"
        + " s AS (SELECT 5 - "
        + above("r", "rc")
        + " AS rs, 1 + "
        + above("f", "fc")
        + " AS fs, 1 + "
        + above("m", "mc")
        + " AS ms FROM m, c)"
        + " SELECT t, count(*) FROM (SELECT CASE WHEN rs >= 4 AND fs >= 4 AND ms >= 4 THEN 0"
        + " WHEN fs >= 4 AND ms >= 3 THEN 1 WHEN rs >= 4 AND fs <= 2 THEN 2"
        + " WHEN rs <= 2 AND fs >= 3 THEN 3 WHEN rs <= 2 AND fs <= 2 THEN 4 ELSE 5 END AS t FROM s"
        + " UNION ALL SELECT 6 FROM m) x GROUP BY t";
  }

  private static String above(String value, String cuts) {
    StringBuilder sum = new StringBuilder("(");
    for (int i = 1; i <= 4; i++) {
      sum.append(i > 1 ? " + " : "")
          .append("(")
          .append(value)
          .append(" > ")
          .append(cuts)
          .append('[')
          .append(i)
          .append("])::int");
    }
    return sum.append(")").toString();
  }

  static String lifecycleSql(int today) {
    return "WITH d AS (SELECT customer_id, min(day) AS f, max(day) AS l FROM events WHERE quantity"
        + " > 0 GROUP BY customer_id), p AS (SELECT e.customer_id, max(e.day) AS prev FROM events e"
        + " JOIN d ON d.customer_id = e.customer_id WHERE e.quantity > 0 AND e.day < d.l GROUP BY"
        + " e.customer_id) SELECT CASE WHEN "
        + today
        + " - f <= 30 THEN 0 WHEN "
        + today
        + " - l <= 90 AND prev IS NOT NULL AND l - prev > 180 THEN 1 WHEN "
        + today
        + " - l <= 90 THEN 2 WHEN "
        + today
        + " - l <= 180 THEN 3 ELSE 4 END AS stage, count(*) FROM d LEFT JOIN p ON p.customer_id ="
        + " d.customer_id GROUP BY 1";
  }

  static String recentSql(int today) {
    return "SELECT 0, count(*) FROM (SELECT customer_id FROM events WHERE day > "
        + (today - 30)
        + " AND day <= "
        + today
        + " GROUP BY customer_id HAVING count(*) >= 3) x";
  }

  /** A "key, count" result as counts by key 0..width-1. */
  static long[] query(Connection c, String sql, int width) throws Exception {
    long[] counts = new long[width];
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        counts[rs.getInt(1)] = rs.getLong(2);
      }
    }
    return counts;
  }

  private static String markdown(
      int customers,
      Events events,
      long generated,
      long built,
      long pgLoad,
      Map<String, Map<String, Timing.Measurement>> results,
      Map<String, String> mismatches,
      Map<String, String> sql) {
    Machine machine = Machine.current();
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "## Rules over raw events: %,d customers, %,d order lines%n%n",
            customers,
            events.size()));
    md.append(
        String.format(
            Locale.ROOT,
            "Machine: %d cores, %s, JVM %s, heap %s. Generated in %,d ms; Tagbase event log built"
                + " in %,d ms%s.%n%n",
            machine.cores(),
            machine.ram(),
            machine.jvm(),
            machine.heap(),
            generated,
            built,
            pgLoad < 0
                ? ""
                : String.format(
                    Locale.ROOT, "; PostgreSQL COPY + index + ANALYZE %,d ms", pgLoad)));
    md.append("| query | target | engine | answer | median ms | p99 ms | runs |\n");
    md.append("|---|---|---|---|---:|---:|---:|\n");
    Map<String, String> names =
        Map.of(
            "R1", "R1 RFM tiers over everyone",
            "R2", "R2 lifecycle stages",
            "R3", "R3 >= 3 order lines in 30 days");
    Map<String, String> targets = Map.of("R1", "<= 1 s", "R2", "-", "R3", "<= 1 s");
    results.forEach(
        (id, byEngine) ->
            byEngine.forEach(
                (engine, m) ->
                    md.append(
                        String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %s | %.1f | %.1f | %d |%n",
                            names.get(id),
                            targets.get(id),
                            engine,
                            Arrays.toString(m.answer()),
                            m.median(),
                            m.p99(),
                            m.runs()))));
    md.append('\n');
    if (mismatches.isEmpty()) {
      md.append(sql.isEmpty() ? "" : "Every answer equal across engines.\n");
    } else {
      mismatches.forEach(
          (id, text) -> md.append("MISMATCH ").append(id).append(": ").append(text).append('\n'));
    }
    List<String> lines = new ArrayList<>();
    sql.forEach((id, statement) -> lines.add("- " + id + ": `" + statement + "`"));
    if (!lines.isEmpty()) {
      md.append("\nSQL:\n\n").append(String.join("\n", lines)).append('\n');
    }
    return md.toString();
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
