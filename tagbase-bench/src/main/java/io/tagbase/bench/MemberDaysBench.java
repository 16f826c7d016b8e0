package io.tagbase.bench;

import io.tagbase.engine.ChunkDeltas;
import io.tagbase.engine.StoredChunks;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * What the server's member days cost when stored as changes ({@link ChunkDeltas}, migration V21)
 * instead of every chunk every day, at a day-to-day churn of 1 % of each tag's holders.
 *
 * <ul>
 *   <li>M1, in memory: {@link BenchData}'s 200 flag tags plus four layered tags (5, 4, 5, 5 values
 *       over everyone) for {@value #DAYS} days; each day 0.5 % of a flag tag's holders leave and as
 *       many customers join (1 % of holders change), and 1 % of a layered tag's holders move to
 *       another value. Bytes a day stored in full (as before V21) and as changes (the server's
 *       rule: a diff, or the full chunk once the diffs since the last full row would outgrow it).
 *   <li>M2, PostgreSQL: one five-value tag stored that way for {@value #DAYS} days in the V21
 *       table, and the server's read of a day (JdbcMemberRepository.state: each chunk's newest full
 *       row at or before the day and the diffs after it), for the first day (all full rows) and the
 *       last.
 * </ul>
 *
 * Database ids are {@link AnalyticsWorld#storedId}, as the analytics bench's.
 */
public final class MemberDaysBench {
  static final int DAYS = 30;
  static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
  private static final long TAG = 7;

  private MemberDaysBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    System.out.print(run(options.customers(), options.seed(), options.smoke()));
  }

  static String run(int customers, long seed, boolean smoke) throws Exception {
    StringBuilder out = new StringBuilder();
    long start = System.nanoTime();
    long[] memory = inMemory(customers, seed);
    out.append(
        String.format(
            Locale.ROOT,
            "%n| member days, %,d customers, 200 flag + 4 layered tags, 1 %% of holders change a day"
                + " (%d days, %,d ms) | bytes a day | rows a day |%n|---|---:|---:|%n"
                + "| M1 every chunk in full (before V21) | %,d | %,d |%n"
                + "| M1 changes only: mean of days 1-%d | %,d | %,d |%n"
                + "| M1 a month-end day once the days before it are pruned: %d days' changes"
                + " merged | %,d | |%n",
            customers,
            DAYS,
            (System.nanoTime() - start) / 1_000_000,
            memory[0],
            memory[1],
            DAYS - 1,
            memory[2] / (DAYS - 1),
            memory[3] / (DAYS - 1),
            DAYS - 1,
            memory[4]));
    try (PostgresServer postgres = PostgresServer.start(customers < 1_000_000);
        Connection c = postgres.connect()) {
      long[] stored = storeOneTag(c, customers, seed);
      Timing.Budget budget = smoke ? Timing.Budget.SMOKE : new Timing.Budget(2000, 3, 10_000, 100);
      out.append(
          String.format(
              Locale.ROOT,
              "%n| M2 one five-value tag on PostgreSQL %s: %,d bytes on day 0, %,d on days 1-%d"
                  + " (%,d rows) | ids | median / p99 (runs) |%n|---|---:|---:|%n",
              postgres.version(),
              stored[0],
              stored[1],
              DAYS - 1,
              stored[2]));
      for (int day : new int[] {0, DAYS - 1}) {
        LocalDate date = FIRST.plusDays(day);
        Timing.Measurement read = Timing.measure(() -> new long[] {read(c, date)}, budget);
        AnalyticsBench.check(read.answer()[0] == stored[3], "a stored day reads back everyone");
        out.append(
            String.format(
                Locale.ROOT,
                "| M2 read day %d (%s) | %,d | %.1f ms / %.1f ms (%d) |%n",
                day,
                day == 0 ? "full rows" : "newest full rows and the diffs since",
                read.answer()[0],
                read.median(),
                read.p99(),
                read.runs()));
        Timing.Measurement query = Timing.measure(() -> new long[] {readBytes(c, date)}, budget);
        out.append(
            String.format(
                Locale.ROOT,
                "| M2 day %d: the query alone (bytes fetched) | %,d | %.1f ms / %.1f ms (%d) |%n",
                day,
                query.answer()[0],
                query.median(),
                query.p99(),
                query.runs()));
      }
    }
    return out.toString();
  }

  /** Full bytes and rows of day 0, then the bytes and rows of days 1.. stored as changes. */
  private static long[] inMemory(int customers, long seed) {
    BenchData data = BenchData.generate(customers, seed);
    long[] totals = new long[5];
    SplittableRandom random = new SplittableRandom(seed);
    for (int tag = 0; tag < TagCatalogue.SIZE; tag++) {
      RoaringBitmap holders = new RoaringBitmap();
      for (int id : data.members()[tag]) {
        holders.add(AnalyticsWorld.storedId(id));
      }
      simulate(List.of(holders), customers, random, totals);
    }
    for (int values : new int[] {5, 4, 5, 5}) {
      simulate(partition(customers, values, random), customers, random, totals);
    }
    return totals;
  }

  private static List<RoaringBitmap> partition(int customers, int values, SplittableRandom random) {
    List<RoaringBitmap> sets = new ArrayList<>();
    for (int v = 0; v < values; v++) {
      sets.add(new RoaringBitmap());
    }
    for (int id = 0; id < customers; id++) {
      sets.get(random.nextInt(values)).add(AnalyticsWorld.storedId(id));
    }
    return sets;
  }

  /** One tag's days: adds day 0's full bytes and rows, then the changes' bytes and rows. */
  private static void simulate(
      List<RoaringBitmap> values, int customers, SplittableRandom random, long[] totals) {
    List<Map<Integer, ChunkDeltas.State>> states = new ArrayList<>();
    for (RoaringBitmap value : values) {
      Map<Integer, ChunkDeltas.State> state = new HashMap<>();
      for (var part : StoredChunks.parts(value).entrySet()) {
        ChunkDeltas.Row row = ChunkDeltas.next(ChunkDeltas.State.EMPTY, part.getValue());
        totals[0] += row.bytes().length;
        totals[1]++;
        state.put(part.getKey(), ChunkDeltas.State.EMPTY.apply(row));
      }
      states.add(state);
    }
    List<Map<Integer, ChunkDeltas.State>> first = new ArrayList<>();
    states.forEach(state -> first.add(new HashMap<>(state)));
    for (int day = 1; day < DAYS; day++) {
      churn(values, customers, random);
      for (int v = 0; v < values.size(); v++) {
        Map<Integer, ChunkDeltas.State> state = states.get(v);
        SortedMap<Integer, RoaringBitmap> now = StoredChunks.parts(values.get(v));
        TreeMap<Integer, Boolean> chunks = new TreeMap<>();
        state.keySet().forEach(k -> chunks.put(k, true));
        now.keySet().forEach(k -> chunks.put(k, true));
        for (int chunk : chunks.keySet()) {
          ChunkDeltas.State before = state.getOrDefault(chunk, ChunkDeltas.State.EMPTY);
          ChunkDeltas.Row row =
              ChunkDeltas.next(before, now.getOrDefault(chunk, new RoaringBitmap()));
          if (row != null) {
            totals[2] += row.bytes().length;
            totals[3]++;
            state.put(chunk, before.apply(row));
          }
        }
      }
    }
    // what a month-end day keeps once the days before it are pruned: the month's changes merged
    for (int v = 0; v < values.size(); v++) {
      Map<Integer, ChunkDeltas.State> from = first.get(v);
      for (var last : states.get(v).entrySet()) {
        RoaringBitmap merged =
            RoaringBitmap.xor(
                from.getOrDefault(last.getKey(), ChunkDeltas.State.EMPTY).ids(),
                last.getValue().ids());
        totals[4] += merged.isEmpty() ? 0 : StoredChunks.serialize(merged).length;
      }
    }
  }

  /** 1 % of the holders change: a flag's leave and as many join; a layered tag's move value. */
  private static void churn(List<RoaringBitmap> values, int customers, SplittableRandom random) {
    if (values.size() == 1) {
      RoaringBitmap holders = values.get(0);
      int k = (int) Math.max(1, holders.getLongCardinality() / 200);
      int[] leaving = new int[k];
      for (int i = 0; i < k; i++) {
        leaving[i] = holders.select(random.nextInt(holders.getCardinality()));
      }
      for (int id : leaving) {
        holders.remove(id);
      }
      for (int joined = 0; joined < k; ) {
        int id = AnalyticsWorld.storedId(random.nextInt(customers));
        if (holders.checkedAdd(id)) {
          joined++;
        }
      }
      return;
    }
    long holders = 0;
    for (RoaringBitmap value : values) {
      holders += value.getLongCardinality();
    }
    for (long moved = 0; moved < holders / 100; moved++) {
      int id = AnalyticsWorld.storedId(random.nextInt(customers));
      for (int v = 0; v < values.size(); v++) {
        if (values.get(v).checkedRemove(id)) {
          values.get((v + 1 + random.nextInt(values.size() - 1)) % values.size()).add(id);
          break;
        }
      }
    }
  }

  /** Stores a five-value tag for DAYS days; answers bytes of day 0, of the rest, rows, ids. */
  private static long[] storeOneTag(Connection c, int customers, long seed) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(
          "create table analytics_members (tag_id bigint not null, snapshot_day date not null,"
              + " value_code varchar(64) not null, chunk integer not null, members bytea not null,"
              + " diff boolean not null default false,"
              + " primary key (tag_id, snapshot_day, value_code, chunk))");
      s.execute("create index analytics_members_chunk on analytics_members (chunk)");
    }
    SplittableRandom random = new SplittableRandom(seed + 1);
    List<RoaringBitmap> values = partition(customers, 5, random);
    List<Map<Integer, ChunkDeltas.State>> states = new ArrayList<>();
    for (int v = 0; v < values.size(); v++) {
      states.add(new HashMap<>());
    }
    long[] stored = new long[4];
    for (RoaringBitmap value : values) {
      stored[3] += value.getLongCardinality();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into analytics_members (tag_id, snapshot_day, value_code, chunk, diff, members)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      for (int day = 0; day < DAYS; day++) {
        if (day > 0) {
          churn(values, customers, random);
        }
        for (int v = 0; v < values.size(); v++) {
          Map<Integer, ChunkDeltas.State> state = states.get(v);
          SortedMap<Integer, RoaringBitmap> now = StoredChunks.parts(values.get(v));
          TreeMap<Integer, Boolean> chunks = new TreeMap<>();
          state.keySet().forEach(k -> chunks.put(k, true));
          now.keySet().forEach(k -> chunks.put(k, true));
          for (int chunk : chunks.keySet()) {
            ChunkDeltas.State before = state.getOrDefault(chunk, ChunkDeltas.State.EMPTY);
            ChunkDeltas.Row row =
                ChunkDeltas.next(before, now.getOrDefault(chunk, new RoaringBitmap()));
            if (row == null) {
              continue;
            }
            state.put(chunk, before.apply(row));
            insert.setLong(1, TAG);
            insert.setDate(2, Date.valueOf(FIRST.plusDays(day)));
            insert.setString(3, "v" + v);
            insert.setInt(4, chunk);
            insert.setBoolean(5, row.diff());
            insert.setBytes(6, row.bytes());
            insert.addBatch();
            stored[day == 0 ? 0 : 1] += row.bytes().length;
            stored[2]++;
          }
          insert.executeBatch();
        }
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("vacuum analyze analytics_members");
    }
    return stored;
  }

  private static final String READ =
      "select m.value_code, m.chunk, m.diff, m.members, m.snapshot_day from analytics_members m"
          + " join (select value_code, chunk, max(case when diff then null else snapshot_day end) base"
          + " from analytics_members where tag_id = ? and snapshot_day <= ?"
          + " group by value_code, chunk) b on b.value_code = m.value_code and b.chunk = m.chunk"
          + " where m.tag_id = ? and m.snapshot_day <= ?"
          + " and (b.base is null or m.snapshot_day >= b.base)";

  private static void bind(PreparedStatement q, LocalDate day) throws Exception {
    q.setLong(1, TAG);
    q.setDate(2, Date.valueOf(day));
    q.setLong(3, TAG);
    q.setDate(4, Date.valueOf(day));
  }

  /** The server's query alone: the bytes of the rows a day is rebuilt from. */
  private static long readBytes(Connection c, LocalDate day) throws Exception {
    long bytes = 0;
    try (PreparedStatement q = c.prepareStatement(READ)) {
      bind(q, day);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          bytes += rs.getBytes(4).length;
        }
      }
    }
    return bytes;
  }

  /** The server's read of a day (JdbcMemberRepository.state and members): the ids it holds. */
  private static long read(Connection c, LocalDate day) throws Exception {
    Map<String, TreeMap<LocalDate, ChunkDeltas.Row>> rows = new HashMap<>();
    try (PreparedStatement q = c.prepareStatement(READ)) {
      bind(q, day);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.computeIfAbsent(rs.getString(1) + "/" + rs.getInt(2), k -> new TreeMap<>())
              .put(
                  rs.getDate(5).toLocalDate(),
                  new ChunkDeltas.Row(rs.getBoolean(3), rs.getBytes(4)));
        }
      }
    }
    Map<String, ChunkDeltas.State> state = new HashMap<>();
    rows.forEach(
        (key, days) -> {
          ChunkDeltas.State chunk = ChunkDeltas.State.EMPTY;
          for (ChunkDeltas.Row row : days.values()) {
            chunk = chunk.apply(row);
          }
          state.put(key, chunk);
        });
    Map<String, List<RoaringBitmap>> byValue = new TreeMap<>();
    state.forEach(
        (key, chunk) ->
            byValue
                .computeIfAbsent(key.substring(0, key.indexOf('/')), v -> new ArrayList<>())
                .add(chunk.ids()));
    long ids = 0;
    for (List<RoaringBitmap> parts : byValue.values()) {
      ids += RoaringBitmap.or(parts.iterator()).getLongCardinality();
    }
    return ids;
  }
}
