package io.tagbase.bench;

import io.tagbase.engine.ActivityDays;
import io.tagbase.engine.StoredChunks;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.roaringbitmap.RoaringBitmap;

/**
 * The database half of the flow and conversion charts on PostgreSQL (embedded, same process), with
 * the server's own tables and queries (migrations V1 and V16): reading one tag's stored members for
 * a day ({@code analytics_members}, chunks of database ids), and the ids of the customers with an
 * event of a type in a 30-day window ({@code customer_event} through its (event_type, occurred_at,
 * customer_id) index, folded into 62-id words by PostgreSQL), against two other ways to ask it;
 * then, as after migration V19 dropped that index, the same query as the fallback it now is, and
 * the activity days' start-up backfill (the last 90 days' events read by id in pages). {@link
 * AnalyticsBench} measures what the server does with the answers.
 *
 * <p>Events: about {@value #EVENTS_PER_CUSTOMER} per customer over the year before {@link #END}, a
 * third of them {@code order}, the rest {@code view}.
 *
 * <pre>java -Xmx4g -cp tagbase-bench-*-all.jar io.tagbase.bench.AnalyticsSqlBench --customers 10m
 * </pre>
 */
public final class AnalyticsSqlBench {
  static final int EVENTS_PER_CUSTOMER = 3;
  static final LocalDate END = LocalDate.of(2026, 11, 1);
  private static final long TAG = 7;

  private AnalyticsSqlBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    System.out.print(run(options.customers(), options.seed(), options.smoke()));
  }

  static String run(int customers, long seed, boolean smoke) throws Exception {
    try (PostgresServer postgres = PostgresServer.start(customers < 1_000_000);
        Connection c = postgres.connect()) {
      long start = System.nanoTime();
      int[] orderCustomersInWindow = load(c, customers, seed);
      long loaded = (System.nanoTime() - start) / 1_000_000;
      long[] stored = storeMembers(c, customers);
      Timing.Budget budget = smoke ? Timing.Budget.SMOKE : new Timing.Budget(2000, 3, 10_000, 100);
      Instant from = END.minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant to = END.atStartOfDay(ZoneOffset.UTC).toInstant();
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "%n| database half (PostgreSQL %s, %,d customers, %,d events; load %,d ms) | answer |"
                  + " median / p99 (runs) |%n|---|---|---:|%n",
              postgres.version(),
              customers,
              (long) customers * EVENTS_PER_CUSTOMER,
              loaded));
      // two rounds, the first only warms up: whichever query ran first used to pay for the JDBC
      // driver's and PostgreSQL's warm-up and came out slowest
      for (int round = smoke ? 1 : 0; round < 2; round++) {
        StringBuilder rows = round == 1 ? out : new StringBuilder();
        Timing.Measurement words =
            Timing.measure(
                () -> new long[] {customerWords(c, "order", from, to).getLongCardinality()},
                budget);
        AnalyticsBench.check(
            words.answer()[0] == orderCustomersInWindow.length, "converters = brute force");
        row(
            rows,
            "D1 ids of customers with an order in 30 days: the server's query (62-id words, bit_or)",
            words);
        Timing.Measurement converters =
            Timing.measure(
                () -> new long[] {customersWithEvent(c, "order", from, to).length}, budget);
        AnalyticsBench.check(
            converters.answer()[0] == orderCustomersInWindow.length, "converters = brute force");
        row(rows, "D1b the same with distinct (the query before)", converters);
        Timing.Measurement rawIds =
            Timing.measure(
                () -> new long[] {customerIdsOfEvents(c, "order", from, to).getLongCardinality()},
                budget);
        AnalyticsBench.check(
            rawIds.answer()[0] == orderCustomersInWindow.length, "converters = brute force");
        row(
            rows,
            "D1c the same without distinct: every event's id, deduplicated in a bitmap",
            rawIds);
      }
      Timing.Measurement members = Timing.measure(() -> readMembers(c), budget);
      AnalyticsBench.check(members.answer()[0] == stored[0], "stored members read back");
      row(
          out,
          String.format(
              Locale.ROOT,
              "D2 one tag's stored members for a day (5 values, %,d chunks, %,d bytes) read and joined",
              stored[1],
              stored[2]),
          members);
      try (Statement s = c.createStatement();
          ResultSet plan =
              s.executeQuery(
                  "explain (analyze, buffers) select customer_id / 62,"
                      + " bit_or(cast(power(2, customer_id % 62) as bigint)) from customer_event"
                      + " where event_type = 'order' and occurred_at >= timestamptz '"
                      + from
                      + "' and occurred_at < timestamptz '"
                      + to
                      + "' group by customer_id / 62")) {
        List<String> lines = new ArrayList<>();
        while (plan.next()) {
          lines.add(plan.getString(1).trim());
        }
        out.append("\nD1 plan: ").append(String.join(" / ", lines)).append("\n\n");
      }
      // migration V19 drops the type index: conversion reads the activity days in memory, and the
      // query above is only the fallback for windows outside their retention
      try (Statement s = c.createStatement()) {
        s.execute("drop index customer_event_type_at");
        s.execute("analyze customer_event");
      }
      out.append(
          String.format(
              Locale.ROOT,
              "| after V19 (no type index) | answer | median / p99 (runs) |%n|---|---|---:|%n"));
      Timing.Measurement fallback =
          Timing.measure(
              () -> new long[] {customerWords(c, "order", from, to).getLongCardinality()}, budget);
      AnalyticsBench.check(
          fallback.answer()[0] == orderCustomersInWindow.length, "converters = brute force");
      row(out, "D1 the server's query, now the fallback: a scan of customer_event", fallback);
      Timing.Budget once = smoke ? budget : new Timing.Budget(0, 1, 10_000, 3);
      ActivityDays[] kept = new ActivityDays[1];
      Timing.Measurement backfill =
          Timing.measure(
              () -> {
                kept[0] = new ActivityDays();
                return new long[] {backfill(c, kept[0], END.minusDays(RETENTION_DAYS))};
              },
              once);
      long converters =
          kept[0]
              .union("order", (int) END.minusDays(30).toEpochDay(), (int) END.toEpochDay())
              .getLongCardinality();
      AnalyticsBench.check(
          converters == orderCustomersInWindow.length, "backfilled converters = brute force");
      row(
          out,
          String.format(
              Locale.ROOT,
              "D3 activity days backfill: %d days of events read by id in pages of %,d (%,d day"
                  + " sets, %,d bytes)",
              RETENTION_DAYS,
              PAGE,
              kept[0].sets(),
              kept[0].serializedSizeInBytes()),
          backfill);
      return out.toString();
    }
  }

  /** Loads customer_event; answers the ids of customers with an order in the last 30 days. */
  private static int[] load(Connection c, int customers, long seed) throws Exception {
    c.setAutoCommit(false);
    RoaringBitmap inWindow = new RoaringBitmap();
    try (Statement s = c.createStatement()) {
      s.execute(
          "create table customer_event (id bigint generated by default as identity primary key,"
              + " customer_id bigint not null, event_type varchar(60) not null,"
              + " occurred_at timestamp with time zone not null)");
      CopyIn copy =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY customer_event (customer_id, event_type, occurred_at) FROM STDIN");
      CopyBuffer rows = new CopyBuffer(copy);
      String[] hours = new String[365 * 24];
      for (int h = 0; h < hours.length; h++) {
        hours[h] = END.minusDays(365).plusDays(h / 24) + String.format(" %02d:00:00+00", h % 24);
      }
      int windowFrom = (365 - 30) * 24;
      SplittableRandom random = new SplittableRandom(seed * 17 + 3);
      long events = (long) customers * EVENTS_PER_CUSTOMER;
      // in time order, as events are written: the window's rows sit together at the table's end
      for (int hour = 0; hour < hours.length; hour++) {
        long upTo = events * (hour + 1) / hours.length;
        for (long e = events * hour / hours.length; e < upTo; e++) {
          int customer = random.nextInt(customers);
          boolean order = random.nextInt(3) == 0;
          rows.put(AnalyticsWorld.storedId(customer)).put('\t').put(order ? "order" : "view");
          rows.put('\t').put(hours[hour]);
          rows.endRow();
          if (order && hour >= windowFrom) {
            inWindow.add(AnalyticsWorld.storedId(customer));
          }
        }
      }
      rows.flush();
      copy.endCopy();
      s.execute(
          "create index customer_event_customer on customer_event (customer_id, occurred_at)");
      s.execute(
          "create index customer_event_type_at on customer_event"
              + " (event_type, occurred_at, customer_id)");
      s.execute(
          "create table analytics_members (tag_id bigint not null, snapshot_day date not null,"
              + " value_code varchar(64) not null, chunk integer not null, members bytea not null,"
              + " primary key (tag_id, snapshot_day, value_code, chunk))");
      s.execute("create index analytics_members_chunk on analytics_members (chunk)");
    }
    c.commit();
    try (Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("vacuum analyze customer_event");
    }
    return inWindow.toArray();
  }

  /** Stores a five-value partition of everyone as one tag's day; answers ids, chunks, bytes. */
  private static long[] storeMembers(Connection c, int customers) throws Exception {
    List<RoaringBitmap> values = new ArrayList<>();
    for (int v = 0; v < 5; v++) {
      values.add(new RoaringBitmap());
    }
    for (int id = 0; id < customers; id++) {
      values.get(Math.floorMod(id * 7 + id / 13, 5)).add(AnalyticsWorld.storedId(id));
    }
    long chunks = 0;
    long bytes = 0;
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into analytics_members (tag_id, snapshot_day, value_code, chunk, members)"
                + " values (?, ?, ?, ?, ?)")) {
      for (int v = 0; v < values.size(); v++) {
        SortedMap<Integer, byte[]> parts = StoredChunks.split(values.get(v));
        for (var part : parts.entrySet()) {
          insert.setLong(1, TAG);
          insert.setDate(2, Date.valueOf(END));
          insert.setString(3, "v" + v);
          insert.setInt(4, part.getKey());
          insert.setBytes(5, part.getValue());
          insert.addBatch();
          chunks++;
          bytes += part.getValue().length;
        }
        insert.executeBatch();
      }
    }
    return new long[] {customers, chunks, bytes};
  }

  /** The server's backfill retention (tagbase.analytics.activity-days) and page size. */
  static final int RETENTION_DAYS = 90;

  static final int PAGE = 50_000;

  /**
   * What EventActivity's backfill does (JdbcAnalyticsRepository.eventsAfter): reads the events from
   * {@code first} on in pages by id, adding each to the days (UTC days here). Answers the events
   * read.
   */
  static long backfill(Connection c, ActivityDays days, LocalDate first) throws Exception {
    Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    long after = 0;
    long read = 0;
    try (PreparedStatement q =
        c.prepareStatement(
            "select id, customer_id, event_type, occurred_at from customer_event"
                + " where id > ? and occurred_at >= ? order by id limit ?")) {
      while (true) {
        q.setLong(1, after);
        q.setTimestamp(2, Timestamp.from(from));
        q.setInt(3, PAGE);
        List<ActivityDays.Activity> page = new ArrayList<>(PAGE);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            after = rs.getLong(1);
            int day = (int) Math.floorDiv(rs.getTimestamp(4).getTime(), 86_400_000L);
            page.add(new ActivityDays.Activity(rs.getString(3), day, (int) rs.getLong(2)));
          }
        }
        if (page.isEmpty()) {
          days.trim();
          return read;
        }
        days.addAll(page);
        read += page.size();
      }
    }
  }

  /** The server's query (JdbcAnalyticsRepository.customersWithEvent). */
  static int[] customersWithEvent(Connection c, String type, Instant from, Instant to)
      throws Exception {
    try (PreparedStatement q =
        c.prepareStatement(
            "select distinct customer_id from customer_event where event_type = ?"
                + " and occurred_at >= ? and occurred_at < ?")) {
      q.setString(1, type);
      q.setTimestamp(2, Timestamp.from(from));
      q.setTimestamp(3, Timestamp.from(to));
      q.setFetchSize(100_000);
      int[] ids = new int[1024];
      int n = 0;
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          if (n == ids.length) {
            ids = Arrays.copyOf(ids, n * 2);
          }
          ids[n++] = (int) rs.getLong(1);
        }
      }
      return Arrays.copyOf(ids, n);
    }
  }

  /** Every matching event's customer id, without distinct: duplicates fold in the bitmap. */
  static RoaringBitmap customerIdsOfEvents(Connection c, String type, Instant from, Instant to)
      throws Exception {
    try (PreparedStatement q =
        c.prepareStatement(
            "select customer_id from customer_event where event_type = ?"
                + " and occurred_at >= ? and occurred_at < ?")) {
      q.setString(1, type);
      q.setTimestamp(2, Timestamp.from(from));
      q.setTimestamp(3, Timestamp.from(to));
      q.setFetchSize(100_000);
      RoaringBitmap ids = new RoaringBitmap();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          ids.add((int) rs.getLong(1));
        }
      }
      return ids;
    }
  }

  /** The converters as 62-bit words: PostgreSQL folds the ids, fewer rows cross the wire. */
  static RoaringBitmap customerWords(Connection c, String type, Instant from, Instant to)
      throws Exception {
    try (PreparedStatement q =
        c.prepareStatement(
            "select customer_id / 62, bit_or(cast(power(2, customer_id % 62) as bigint))"
                + " from customer_event where event_type = ? and occurred_at >= ? and occurred_at < ?"
                + " group by customer_id / 62")) {
      q.setString(1, type);
      q.setTimestamp(2, Timestamp.from(from));
      q.setTimestamp(3, Timestamp.from(to));
      q.setFetchSize(100_000);
      RoaringBitmap ids = new RoaringBitmap();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          long base = rs.getLong(1) * 62;
          for (long bits = rs.getLong(2); bits != 0; bits &= bits - 1) {
            ids.add((int) (base + Long.numberOfTrailingZeros(bits)));
          }
        }
      }
      return ids;
    }
  }

  /** The server's read (JdbcMemberRepository.members): every chunk of the day, joined per value. */
  private static long[] readMembers(Connection c) throws Exception {
    List<List<byte[]>> byValue = new ArrayList<>();
    String last = null;
    try (PreparedStatement q =
        c.prepareStatement(
            "select value_code, members from analytics_members where tag_id = ? and snapshot_day = ?"
                + " order by value_code")) {
      q.setLong(1, TAG);
      q.setDate(2, Date.valueOf(END));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          if (!rs.getString(1).equals(last)) {
            byValue.add(new ArrayList<>());
            last = rs.getString(1);
          }
          byValue.get(byValue.size() - 1).add(rs.getBytes(2));
        }
      }
    }
    long ids = 0;
    for (List<byte[]> chunks : byValue) {
      ids += StoredChunks.join(chunks).getLongCardinality();
    }
    return new long[] {ids};
  }

  private static void row(StringBuilder out, String name, Timing.Measurement m) {
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %.1f ms / %.1f ms (%d) |%n",
            name,
            m.answer()[0],
            m.median(),
            m.p99(),
            m.runs()));
  }
}
