package io.tagbase.analytics;

import io.tagbase.engine.ChunkDeltas;
import io.tagbase.engine.StoredChunks;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Member snapshots (tables of migrations V16 and V21): per tag and day, the holders of each value
 * as chunks of customer ids, each row written only on a day its chunk changed, in full or as a diff
 * ({@link MemberChunks}); and the read-only look-ups of customer ids that pair them with the index.
 */
@Repository
class JdbcMemberRepository {
  /** Rows per insert batch and external ids per look-up. */
  private static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  JdbcMemberRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Replaces the day's rows of the given tags (every tag id in {@code tagIds}, with its rows in
   * {@code chunks}) and records when they were taken; call inside a transaction.
   */
  void replace(
      LocalDate day, Instant at, Collection<Long> tagIds, List<MemberChunks.Chunk> chunks) {
    for (long tagId : tagIds) {
      jdbc.sql("delete from analytics_member_day where tag_id = :tag and snapshot_day = :day")
          .param("tag", tagId)
          .param("day", Date.valueOf(day))
          .update();
    }
    rewrite(day, tagIds, chunks);
    template.batchUpdate(
        "insert into analytics_member_day (tag_id, snapshot_day, taken_at) values (?, ?, ?)",
        new ArrayList<>(tagIds),
        BATCH,
        (ps, tagId) -> {
          ps.setLong(1, tagId);
          ps.setDate(2, Date.valueOf(day));
          ps.setTimestamp(3, Timestamp.from(at));
        });
  }

  /**
   * Replaces the day's chunk rows of the given tags with {@code chunks}, leaving when they were
   * taken; call inside a transaction.
   */
  void rewrite(LocalDate day, Collection<Long> tagIds, List<MemberChunks.Chunk> chunks) {
    for (long tagId : tagIds) {
      jdbc.sql("delete from analytics_members where tag_id = :tag and snapshot_day = :day")
          .param("tag", tagId)
          .param("day", Date.valueOf(day))
          .update();
    }
    insert(day, chunks);
  }

  /** When the tag's members were stored for the day, if they were. */
  Optional<Instant> takenAt(long tagId, LocalDate day) {
    return jdbc.sql(
            "select taken_at from analytics_member_day where tag_id = :tag and snapshot_day = :day")
        .param("tag", tagId)
        .param("day", Date.valueOf(day))
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .optional();
  }

  /** The tag's stored day before {@code day}, if any. */
  Optional<LocalDate> storedBefore(long tagId, LocalDate day) {
    return storedNextTo(tagId, day, "select max(snapshot_day)", "<");
  }

  /** The tag's stored day after {@code day}, if any. */
  Optional<LocalDate> storedAfter(long tagId, LocalDate day) {
    return storedNextTo(tagId, day, "select min(snapshot_day)", ">");
  }

  private Optional<LocalDate> storedNextTo(
      long tagId, LocalDate day, String select, String comparison) {
    return jdbc.sql(
            select
                + " from analytics_member_day where tag_id = :tag and snapshot_day "
                + comparison
                + " :day")
        .param("tag", tagId)
        .param("day", Date.valueOf(day))
        .query((rs, n) -> Optional.ofNullable(rs.getDate(1)))
        .single()
        .map(Date::toLocalDate);
  }

  /**
   * Every chunk of the tag as of {@code day} (empty ones included, as the rows left them), rebuilt
   * from its newest full row at or before the day and the diff rows after it. Reads only those
   * rows.
   */
  Map<MemberChunks.Key, ChunkDeltas.State> state(long tagId, LocalDate day) {
    // each chunk's newest full row (by a grouping of the small columns), then the rows from it on,
    // ordered here: no sort of the bitmaps in the database (about 40 % faster on PostgreSQL)
    Map<MemberChunks.Key, TreeMap<LocalDate, ChunkDeltas.Row>> rows = new HashMap<>();
    jdbc.sql(
            "select m.value_code, m.chunk, m.snapshot_day, m.diff, m.members"
                + " from analytics_members m join (select value_code, chunk,"
                + " max(case when diff then null else snapshot_day end) base"
                + " from analytics_members where tag_id = :tag and snapshot_day <= :day"
                + " group by value_code, chunk) b on b.value_code = m.value_code and b.chunk = m.chunk"
                + " where m.tag_id = :tag and m.snapshot_day <= :day"
                + " and (b.base is null or m.snapshot_day >= b.base)")
        .param("tag", tagId)
        .param("day", Date.valueOf(day))
        .query(
            (RowCallbackHandler)
                rs ->
                    rows.computeIfAbsent(
                            new MemberChunks.Key(rs.getString(1), rs.getInt(2)),
                            k -> new TreeMap<>())
                        .put(
                            rs.getDate(3).toLocalDate(),
                            new ChunkDeltas.Row(rs.getBoolean(4), rs.getBytes(5))));
    Map<MemberChunks.Key, ChunkDeltas.State> state = new HashMap<>();
    rows.forEach(
        (key, days) -> {
          ChunkDeltas.State chunk = ChunkDeltas.State.EMPTY;
          for (ChunkDeltas.Row row : days.values()) {
            chunk = chunk.apply(row);
          }
          state.put(key, chunk);
        });
    return state;
  }

  /** The tag's stored members that day, by value code ('' for a flag tag); no empty values. */
  Map<String, RoaringBitmap> members(long tagId, LocalDate day) {
    Map<String, List<RoaringBitmap>> chunks = new TreeMap<>();
    state(tagId, day)
        .forEach(
            (key, chunk) -> {
              if (!chunk.ids().isEmpty()) {
                chunks.computeIfAbsent(key.valueCode(), v -> new ArrayList<>()).add(chunk.ids());
              }
            });
    Map<String, RoaringBitmap> members = new LinkedHashMap<>();
    chunks.forEach((value, parts) -> members.put(value, RoaringBitmap.or(parts.iterator())));
    return members;
  }

  /** The tag's rows of one day, by chunk. */
  Map<MemberChunks.Key, ChunkDeltas.Row> rows(long tagId, LocalDate day) {
    Map<MemberChunks.Key, ChunkDeltas.Row> rows = new HashMap<>();
    jdbc.sql(
            "select value_code, chunk, diff, members from analytics_members"
                + " where tag_id = :tag and snapshot_day = :day")
        .param("tag", tagId)
        .param("day", Date.valueOf(day))
        .query(
            (RowCallbackHandler)
                rs ->
                    rows.put(
                        new MemberChunks.Key(rs.getString(1), rs.getInt(2)),
                        new ChunkDeltas.Row(rs.getBoolean(3), rs.getBytes(4))));
    return rows;
  }

  /** Every day with stored members, oldest first. */
  List<LocalDate> days() {
    return jdbc.sql("select distinct snapshot_day from analytics_member_day order by snapshot_day")
        .query((rs, n) -> rs.getDate(1).toLocalDate())
        .list();
  }

  /** The tags with members stored on the day. */
  List<Long> tagsOn(LocalDate day) {
    return jdbc.sql("select tag_id from analytics_member_day where snapshot_day = :day")
        .param("day", Date.valueOf(day))
        .query((rs, n) -> rs.getLong(1))
        .list();
  }

  /**
   * Drops one tag's stored day. The rows the tag's next stored day relies on are carried forward
   * into it ({@link ChunkDeltas#carry}), so every later day reads as before; call inside a
   * transaction. Returns the rows carried.
   */
  int dropDay(long tagId, LocalDate day) {
    int carried = 0;
    Optional<LocalDate> next = storedAfter(tagId, day);
    if (next.isPresent()) {
      Map<MemberChunks.Key, ChunkDeltas.Row> nextRows = rows(tagId, next.get());
      List<MemberChunks.Chunk> changed = new ArrayList<>();
      List<MemberChunks.Key> cancelled = new ArrayList<>();
      for (Map.Entry<MemberChunks.Key, ChunkDeltas.Row> dropped : rows(tagId, day).entrySet()) {
        MemberChunks.Key key = dropped.getKey();
        ChunkDeltas.Row own = nextRows.get(key);
        ChunkDeltas.Row kept = ChunkDeltas.carry(dropped.getValue(), own);
        if (kept == null) {
          cancelled.add(key);
        } else if (kept != own) {
          changed.add(new MemberChunks.Chunk(tagId, key.valueCode(), key.chunk(), kept));
          if (own != null) {
            cancelled.add(key);
          }
        }
      }
      for (MemberChunks.Key key : cancelled) {
        jdbc.sql(
                "delete from analytics_members where tag_id = :tag and snapshot_day = :day"
                    + " and value_code = :value and chunk = :chunk")
            .param("tag", tagId)
            .param("day", Date.valueOf(next.get()))
            .param("value", key.valueCode())
            .param("chunk", key.chunk())
            .update();
      }
      insert(next.get(), changed);
      carried = changed.size();
    }
    jdbc.sql("delete from analytics_members where tag_id = :tag and snapshot_day = :day")
        .param("tag", tagId)
        .param("day", Date.valueOf(day))
        .update();
    jdbc.sql("delete from analytics_member_day where tag_id = :tag and snapshot_day = :day")
        .param("tag", tagId)
        .param("day", Date.valueOf(day))
        .update();
    return carried;
  }

  /**
   * Clears {@code customerId} from every stored row that holds it, full or diff, which clears it
   * from every day: reads only the rows of its chunk, rewrites those that hold it (deletes a diff
   * row left empty: no change; keeps a full one: the chunk is empty that day). Returns the rows
   * changed. Call inside a transaction.
   */
  int erase(int customerId) {
    int chunk = StoredChunks.chunkOf(customerId);
    record Stored(long tagId, LocalDate day, String value, ChunkDeltas.Row row) {}
    List<Stored> rows = new ArrayList<>();
    jdbc.sql(
            "select tag_id, snapshot_day, value_code, diff, members from analytics_members"
                + " where chunk = :chunk")
        .param("chunk", chunk)
        .query(
            (RowCallbackHandler)
                rs ->
                    rows.add(
                        new Stored(
                            rs.getLong(1),
                            rs.getDate(2).toLocalDate(),
                            rs.getString(3),
                            new ChunkDeltas.Row(rs.getBoolean(4), rs.getBytes(5)))));
    int changed = 0;
    for (Stored row : rows) {
      RoaringBitmap members = row.row().ids();
      if (!members.contains(customerId)) {
        continue;
      }
      members.remove(customerId);
      String where =
          " where tag_id = :tag and snapshot_day = :day and value_code = :value and chunk = :chunk";
      var statement =
          members.isEmpty() && row.row().diff()
              ? jdbc.sql("delete from analytics_members" + where)
              : jdbc.sql("update analytics_members set members = :members" + where)
                  .param("members", StoredChunks.serialize(members));
      changed +=
          statement
              .param("tag", row.tagId())
              .param("day", Date.valueOf(row.day()))
              .param("value", row.value())
              .param("chunk", chunk)
              .update();
    }
    return changed;
  }

  /** Up to {@code limit} customers with an id above {@code after}: id to external id, by id. */
  Map<Long, String> customersAfter(long after, int limit) {
    Map<Long, String> page = new LinkedHashMap<>();
    jdbc.sql("select id, external_id from customer where id > :after order by id limit :limit")
        .param("after", after)
        .param("limit", limit)
        .query((RowCallbackHandler) rs -> page.put(rs.getLong(1), rs.getString(2)));
    return page;
  }

  /** The database ids of the external ids that exist. */
  Map<String, Long> customerIds(List<String> externalIds) {
    Map<String, Long> ids = new HashMap<>();
    for (int from = 0; from < externalIds.size(); from += BATCH) {
      List<String> batch = externalIds.subList(from, Math.min(externalIds.size(), from + BATCH));
      jdbc.sql("select external_id, id from customer where external_id in (:ids)")
          .param("ids", batch)
          .query((RowCallbackHandler) rs -> ids.put(rs.getString(1), rs.getLong(2)));
    }
    return ids;
  }

  private void insert(LocalDate day, List<MemberChunks.Chunk> chunks) {
    template.batchUpdate(
        "insert into analytics_members (tag_id, snapshot_day, value_code, chunk, diff, members)"
            + " values (?, ?, ?, ?, ?, ?)",
        chunks,
        BATCH,
        (ps, c) -> {
          ps.setLong(1, c.tagId());
          ps.setDate(2, Date.valueOf(day));
          ps.setString(3, c.valueCode());
          ps.setInt(4, c.chunk());
          ps.setBoolean(5, c.row().diff());
          ps.setBytes(6, c.row().bytes());
        });
  }
}
