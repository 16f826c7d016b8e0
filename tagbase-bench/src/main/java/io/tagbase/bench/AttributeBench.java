package io.tagbase.bench;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagIndex;
import io.tagbase.engine.rule.AttributeTable;
import io.tagbase.engine.rule.BitmapPlan;
import io.tagbase.engine.rule.EventLog;
import io.tagbase.engine.rule.FieldType;
import io.tagbase.engine.rule.RuleChecker;
import io.tagbase.engine.rule.RuleData;
import io.tagbase.engine.rule.RuleSchema;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;

/**
 * A1-A2 (issue #6): a segment count over customer attributes, the way the server counted before
 * (every customer's attributes read from PostgreSQL per count, laid over the dictionary, then the
 * bitmap plan) and now (the plan over the in-memory attribute columns), with PostgreSQL's own SQL
 * count as the baseline. The tables and queries are the server's ({@code customer}, {@code
 * attribute_def}, {@code customer_attribute}; the two reads of {@code JdbcRuleRepository.load}).
 * Every answer is checked equal across the three and against a loop over the generated arrays.
 *
 * <pre>
 * java -Xmx8g -cp tagbase-bench/target/tagbase-bench-0.1.0-SNAPSHOT-all.jar \
 *     io.tagbase.bench.AttributeBench --customers 1m [--out bench-results/attributes.md]
 * </pre>
 */
public final class AttributeBench {
  static final String[] CITIES = {"上海", "北京", "深圳", "广州", "杭州", "成都", "南京", "武汉"};
  static final String[] CHANNELS = {"app", "web", "store", "wechat"};
  static final String[] LEVELS = {"gold", "silver", "bronze"};
  static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
  static final RuleSchema SCHEMA =
      RuleSchema.builder()
          .attribute("gender", FieldType.STRING)
          .attribute("age", FieldType.NUMBER)
          .attribute("city", FieldType.STRING)
          .attribute("channel", FieldType.STRING)
          .attribute("signup_date", FieldType.DATE)
          .attribute("score", FieldType.NUMBER)
          .attribute(new RuleSchema.Field("level", FieldType.ENUM, List.of(), List.of(LEVELS)))
          .build();
  static final String A1 = "age between 30 and 40 and city = \"上海\"";
  static final String A2 = A1 + " and level = gold and score >= 50";

  private AttributeBench() {}

  /** Generated customers, column by column; the external id of customer i is "c" + i. */
  record Customers(
      int[] gender, int[] age, int[] city, int[] channel, int[] signup, int[] score, int[] level) {
    int size() {
      return age.length;
    }
  }

  public static void main(String[] args) throws Exception {
    int customers =
        BenchOptions.parse(new String[] {"--customers", arg(args, "--customers", "1m")})
            .customers();
    String out = arg(args, "--out", "bench-results/attributes.md");
    String markdown = run(customers, 42, null);
    System.out.println(markdown);
    Path path = Path.of(out);
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    Files.writeString(path, markdown);
    System.err.println("written to " + path.toAbsolutePath());
  }

  static String run(int n, long seed, Timing.Budget budget) throws Exception {
    Timing.Budget timing = budget != null ? budget : new Timing.Budget(2_000, 2, 20_000, 20);
    Customers data = generate(n, seed);
    CustomerDictionary dictionary = new CustomerDictionary();
    for (int i = 0; i < n; i++) {
      dictionary.intern("c" + i);
    }
    StringBuilder md = new StringBuilder();
    md.append("# Attribute conditions: database path vs in-memory columns\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%,d customers (5 built-in fields, 2 custom: score NUMBER, level ENUM), %s.%n%n",
            n,
            machine()));
    try (PostgresServer pg = PostgresServer.start(n <= 200_000);
        Connection c = pg.connect()) {
      long loadStart = System.nanoTime();
      load(c, data);
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      long columnsStart = System.nanoTime();
      AttributeTable table = columns(c, dictionary);
      double columnsMillis = (System.nanoTime() - columnsStart) / 1e6;
      md.append(
          String.format(
              Locale.ROOT,
              "PostgreSQL %s loaded in %.1f s. Columns read at start (the index build): %.0f ms,"
                  + " %,d bytes = %.1f bytes per customer.%n%n",
              pg.version(),
              loadSeconds,
              columnsMillis,
              table.bytes(),
              table.bytes() / (double) n));
      md.append("| query | expected | database path (before) | columns (now) | PostgreSQL SQL |\n");
      md.append("|---|---|---|---|---|\n");
      boolean equal = true;
      for (String[] q :
          List.of(
              new String[] {"A1 " + A1, A1, sql(false)},
              new String[] {"A2 " + A2, A2, sql(true)})) {
        BitmapPlan plan = BitmapPlan.compile(RuleChecker.check(q[1], SCHEMA));
        long expected = reference(data, q[1].equals(A2));
        Timing.Measurement before =
            Timing.measure(
                () -> new long[] {databasePath(c, dictionary).count(plan)}, slow(timing));
        Timing.Measurement now =
            Timing.measure(
                () ->
                    new long[] {
                      plan.evaluate(
                              new RuleData(
                                  SCHEMA, dictionary, new TagIndex(), new EventLog(), table),
                              TODAY)
                          .cardinality()
                    },
                timing);
        Timing.Measurement sql = Timing.measure(() -> new long[] {sqlCount(c, q[2])}, timing);
        equal &=
            before.answer()[0] == expected
                && now.answer()[0] == expected
                && sql.answer()[0] == expected;
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %,d | %s | %s | %s |%n",
                q[0].replace("|", "\\|"),
                expected,
                cell(before),
                cell(now),
                cell(sql)));
      }
      md.append(equal ? "\nEvery answer equal across engines.\n" : "\nMISMATCH between engines.\n");
    }
    md.append(
        "\nMedian (p99) in ms over the timed runs; the database path is timed with fewer runs."
            + " The machine (2 cores) was shared with other sessions.\n");
    return md.toString();
  }

  private static String machine() {
    Machine m = Machine.current();
    return m.cores() + " cores (" + m.cpu() + "), " + m.ram() + " RAM, JVM heap " + m.heap();
  }

  /** Fewer runs for the slow path: its first call alone may take seconds. */
  private static Timing.Budget slow(Timing.Budget budget) {
    return budget.maxRuns() <= 1
        ? budget
        : new Timing.Budget(0, 0, budget.measureMillis(), Math.min(5, budget.maxRuns()));
  }

  private static String cell(Timing.Measurement m) {
    return String.format(Locale.ROOT, "%.2f (%.2f), %d runs", m.median(), m.p99(), m.runs());
  }

  static Customers generate(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Customers d =
        new Customers(
            new int[n], new int[n], new int[n], new int[n], new int[n], new int[n], new int[n]);
    int day0 = (int) TODAY.toEpochDay();
    for (int i = 0; i < n; i++) {
      d.gender()[i] = r.nextInt(10) == 0 ? -1 : r.nextInt(2);
      d.age()[i] = r.nextInt(12) == 0 ? -1 : 18 + r.nextInt(60);
      d.city()[i] = r.nextInt(20) == 0 ? -1 : skewed(r, CITIES.length);
      d.channel()[i] = r.nextInt(CHANNELS.length);
      d.signup()[i] = day0 - r.nextInt(1500);
      d.score()[i] = r.nextInt(5) == 0 ? -1 : r.nextInt(100);
      d.level()[i] = r.nextInt(4) == 0 ? -1 : r.nextInt(LEVELS.length);
    }
    return d;
  }

  /** Big cities more often: half the customers in the first two. */
  private static int skewed(SplittableRandom r, int k) {
    return r.nextBoolean() ? r.nextInt(2) : r.nextInt(k);
  }

  static long reference(Customers d, boolean withCustom) {
    long count = 0;
    for (int i = 0; i < d.size(); i++) {
      boolean holds = d.age()[i] >= 30 && d.age()[i] <= 40 && d.city()[i] == 0;
      if (withCustom) {
        holds &= d.level()[i] == 0 && d.score()[i] >= 50;
      }
      count += holds ? 1 : 0;
    }
    return count;
  }

  static void load(Connection c, Customers d) throws Exception {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE customer (id bigint PRIMARY KEY, external_id varchar(200) NOT NULL,"
              + " gender varchar(10), age int, city varchar(100), channel varchar(40), signup_date"
              + " date)");
      s.execute("CREATE TABLE attribute_def (id bigint PRIMARY KEY, code varchar(64), type text)");
      s.execute(
          "CREATE TABLE customer_attribute (customer_id bigint NOT NULL, attribute_id bigint NOT"
              + " NULL, text_value text, number_value double precision, PRIMARY KEY (customer_id,"
              + " attribute_id))");
      s.execute("INSERT INTO attribute_def VALUES (1, 'score', 'NUMBER'), (2, 'level', 'ENUM')");
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      StringBuilder rows = new StringBuilder();
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < d.size(); i++) {
        rows.append(i + 1).append("\tc").append(i).append('\t');
        rows.append(d.gender()[i] < 0 ? "\\N" : d.gender()[i] == 0 ? "male" : "female");
        rows.append('\t').append(d.age()[i] < 0 ? "\\N" : String.valueOf(d.age()[i]));
        rows.append('\t').append(d.city()[i] < 0 ? "\\N" : CITIES[d.city()[i]]);
        rows.append('\t').append(CHANNELS[d.channel()[i]]);
        rows.append('\t').append(LocalDate.ofEpochDay(d.signup()[i])).append('\n');
        if (d.score()[i] >= 0) {
          values.append(i + 1).append("\t1\t").append(d.score()[i]).append('\t');
          values.append(d.score()[i]).append('\n');
        }
        if (d.level()[i] >= 0) {
          values.append(i + 1).append("\t2\t").append(LEVELS[d.level()[i]]).append("\t\\N\n");
        }
        if (rows.length() > 4_000_000 || i == d.size() - 1) {
          copy.copyIn("COPY customer FROM STDIN", new StringReader(rows.toString()));
          copy.copyIn("COPY customer_attribute FROM STDIN", new StringReader(values.toString()));
          rows.setLength(0);
          values.setLength(0);
        }
      }
      c.commit();
      c.setAutoCommit(true);
      s.execute("CREATE UNIQUE INDEX customer_external_id ON customer (external_id)");
      s.execute("VACUUM ANALYZE customer");
      s.execute("VACUUM ANALYZE customer_attribute");
    }
  }

  /** The two reads of {@code JdbcRuleRepository.load} for everyone. */
  private static final String BUILT_IN =
      "select c.external_id, c.gender, c.age, c.city, c.channel, c.signup_date from customer c";

  private static final String CUSTOM =
      "select c.external_id, d.code, a.text_value, a.number_value from customer_attribute a join"
          + " customer c on c.id = a.customer_id join attribute_def d on d.id = a.attribute_id";

  /** What a count cost before: the attributes read, listed, then laid over the dictionary. */
  record Loaded(RuleData data) {
    long count(BitmapPlan plan) {
      return plan.evaluate(data, TODAY).cardinality();
    }
  }

  private record Attribute(String externalId, String code, Object value) {}

  static Loaded databasePath(Connection c, CustomerDictionary dictionary) throws Exception {
    List<Attribute> attributes = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(BUILT_IN)) {
      while (rs.next()) {
        String id = rs.getString(1);
        add(attributes, id, "gender", rs.getString(2));
        int age = rs.getInt(3);
        add(attributes, id, "age", rs.wasNull() ? null : age);
        add(attributes, id, "city", rs.getString(4));
        add(attributes, id, "channel", rs.getString(5));
        Date signup = rs.getDate(6);
        add(attributes, id, "signup_date", signup == null ? null : signup.toLocalDate());
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(CUSTOM)) {
      while (rs.next()) {
        String code = rs.getString(2);
        double number = rs.getDouble(4);
        Object value = "score".equals(code) ? (rs.wasNull() ? null : number) : rs.getString(3);
        add(attributes, rs.getString(1), code, value);
      }
    }
    RuleData data = new RuleData(SCHEMA, dictionary, new TagIndex(), new EventLog());
    for (Attribute a : attributes) {
      OptionalInt id = dictionary.find(a.externalId());
      if (id.isPresent()) {
        data.set(a.code(), id.getAsInt(), a.value());
      }
    }
    return new Loaded(data);
  }

  private static void add(List<Attribute> list, String id, String code, Object value) {
    if (value != null) {
      list.add(new Attribute(id, code, value));
    }
  }

  /** What the server now does once, when the index is built: the same reads into columns. */
  static AttributeTable columns(Connection c, CustomerDictionary dictionary) throws Exception {
    AttributeTable table = new AttributeTable();
    SCHEMA.attributes().forEach(f -> table.define(f.code(), f.type()));
    c.setAutoCommit(false); // a cursor: rows stream in batches
    try (Statement s = c.createStatement()) {
      s.setFetchSize(10_000);
      try (ResultSet rs = s.executeQuery(BUILT_IN)) {
        while (rs.next()) {
          int id = dictionary.intern(rs.getString(1));
          table.set("gender", id, rs.getString(2));
          int age = rs.getInt(3);
          table.set("age", id, rs.wasNull() ? null : age);
          table.set("city", id, rs.getString(4));
          table.set("channel", id, rs.getString(5));
          Date signup = rs.getDate(6);
          table.set("signup_date", id, signup == null ? null : signup.toLocalDate());
        }
      }
      try (ResultSet rs = s.executeQuery(CUSTOM)) {
        while (rs.next()) {
          int id = dictionary.intern(rs.getString(1));
          String code = rs.getString(2);
          double number = rs.getDouble(4);
          table.set(code, id, "score".equals(code) ? (Object) number : rs.getString(3));
        }
      }
    }
    c.commit();
    c.setAutoCommit(true);
    return table;
  }

  static String sql(boolean withCustom) {
    String where = "c.age between 30 and 40 and c.city = '上海'";
    if (!withCustom) {
      return "select count(*) from customer c where " + where;
    }
    return "select count(*) from customer c join customer_attribute l on l.customer_id = c.id and"
        + " l.attribute_id = 2 join customer_attribute s on s.customer_id = c.id and"
        + " s.attribute_id = 1 where "
        + where
        + " and l.text_value = 'gold' and s.number_value >= 50";
  }

  static long sqlCount(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
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
