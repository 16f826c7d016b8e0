package io.tagbase.analytics;

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
import java.util.SortedMap;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Member snapshots (tables of migration V16): per tag and day, the holders of each value as chunks
 * of customer ids; and the read-only look-ups of customer ids that pair them with the index.
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

  /** One chunk row to insert. */
  record Chunk(long tagId, String valueCode, int chunk, byte[] members) {}

  /**
   * Replaces the day's members of the given tags (every tag id in {@code tagIds}, with its chunks
   * in {@code chunks}); call inside a transaction.
   */
  void replace(LocalDate day, Instant at, Collection<Long> tagIds, List<Chunk> chunks) {
    for (long tagId : tagIds) {
      jdbc.sql("delete from analytics_members where tag_id = :tag and snapshot_day = :day")
          .param("tag", tagId)
          .param("day", Date.valueOf(day))
          .update();
      jdbc.sql("delete from analytics_member_day where tag_id = :tag and snapshot_day = :day")
          .param("tag", tagId)
          .param("day", Date.valueOf(day))
          .update();
    }
    template.batchUpdate(
        "insert into analytics_member_day (tag_id, snapshot_day, taken_at) values (?, ?, ?)",
        new ArrayList<>(tagIds),
        BATCH,
        (ps, tagId) -> {
          ps.setLong(1, tagId);
          ps.setDate(2, Date.valueOf(day));
          ps.setTimestamp(3, Timestamp.from(at));
        });
    template.batchUpdate(
        "insert into analytics_members (tag_id, snapshot_day, value_code, chunk, members)"
            + " values (?, ?, ?, ?, ?)",
        chunks,
        BATCH,
        (ps, c) -> {
          ps.setLong(1, c.tagId());
          ps.setDate(2, Date.valueOf(day));
          ps.setString(3, c.valueCode());
          ps.setInt(4, c.chunk());
          ps.setBytes(5, c.members());
        });
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

  /** The tag's stored members that day, by value code ('' for a flag tag). */
  Map<String, RoaringBitmap> members(long tagId, LocalDate day) {
    Map<String, List<byte[]>> chunks = new LinkedHashMap<>();
    jdbc.sql(
            "select value_code, members from analytics_members"
                + " where tag_id = :tag and snapshot_day = :day")
        .param("tag", tagId)
        .param("day", Date.valueOf(day))
        .query(
            (RowCallbackHandler)
                rs ->
                    chunks
                        .computeIfAbsent(rs.getString(1), v -> new ArrayList<>())
                        .add(rs.getBytes(2)));
    Map<String, RoaringBitmap> members = new LinkedHashMap<>();
    chunks.forEach((value, parts) -> members.put(value, StoredChunks.join(parts)));
    return members;
  }

  /** Every day with stored members, oldest first. */
  List<LocalDate> days() {
    return jdbc.sql("select distinct snapshot_day from analytics_member_day order by snapshot_day")
        .query((rs, n) -> rs.getDate(1).toLocalDate())
        .list();
  }

  /** Drops the days' members; call inside a transaction. */
  void deleteDay(LocalDate day) {
    jdbc.sql("delete from analytics_members where snapshot_day = :day")
        .param("day", Date.valueOf(day))
        .update();
    jdbc.sql("delete from analytics_member_day where snapshot_day = :day")
        .param("day", Date.valueOf(day))
        .update();
  }

  /**
   * Clears {@code customerId} from every stored set: reads only the rows of its chunk, rewrites
   * those that hold it (deletes a chunk left empty). Returns the rows changed. Call inside a
   * transaction.
   */
  int erase(int customerId) {
    int chunk = StoredChunks.chunkOf(customerId);
    record Row(long tagId, LocalDate day, String value, byte[] members) {}
    List<Row> rows = new ArrayList<>();
    jdbc.sql(
            "select tag_id, snapshot_day, value_code, members from analytics_members"
                + " where chunk = :chunk")
        .param("chunk", chunk)
        .query(
            (RowCallbackHandler)
                rs ->
                    rows.add(
                        new Row(
                            rs.getLong(1),
                            rs.getDate(2).toLocalDate(),
                            rs.getString(3),
                            rs.getBytes(4))));
    int changed = 0;
    for (Row row : rows) {
      RoaringBitmap members = StoredChunks.deserialize(row.members());
      if (!members.contains(customerId)) {
        continue;
      }
      members.remove(customerId);
      String where =
          " where tag_id = :tag and snapshot_day = :day and value_code = :value and chunk = :chunk";
      var statement =
          members.isEmpty()
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

  /** Serialized chunks of {@code members} as rows of the tag's value. */
  static List<Chunk> chunks(long tagId, String valueCode, RoaringBitmap members) {
    SortedMap<Integer, byte[]> parts = StoredChunks.split(members);
    List<Chunk> rows = new ArrayList<>(parts.size());
    parts.forEach((chunk, bytes) -> rows.add(new Chunk(tagId, valueCode, chunk, bytes)));
    return rows;
  }
}
