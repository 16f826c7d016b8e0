package io.tagbase.analytics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Size snapshots and dashboard settings (tables of migration V11), and two read-only questions to
 * other features' tables that analytics asks in one query each: who held which value of a tag at an
 * instant (tag_history) and who did an event in a window (customer_event).
 */
@Repository
class JdbcAnalyticsRepository {
  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  JdbcAnalyticsRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  boolean hasSnapshot(LocalDate day) {
    return jdbc.sql("select count(*) from analytics_day where snapshot_day = :day")
            .param("day", Date.valueOf(day))
            .query(Long.class)
            .single()
        > 0;
  }

  /** Replaces the day's snapshot; call inside a transaction so readers never see half of it. */
  void replaceSnapshot(LocalDate day, long population, Map<String, Long> sizes, Instant at) {
    jdbc.sql("delete from analytics_size where snapshot_day = :day")
        .param("day", Date.valueOf(day))
        .update();
    jdbc.sql("delete from analytics_day where snapshot_day = :day")
        .param("day", Date.valueOf(day))
        .update();
    jdbc.sql(
            "insert into analytics_day (snapshot_day, population, taken_at)"
                + " values (:day, :population, :at)")
        .param("day", Date.valueOf(day))
        .param("population", population)
        .param("at", Timestamp.from(at))
        .update();
    List<Map.Entry<String, Long>> rows = new ArrayList<>(sizes.entrySet());
    template.batchUpdate(
        "insert into analytics_size (snapshot_day, index_key, member_count) values (?, ?, ?)",
        rows,
        1000,
        (ps, row) -> {
          ps.setDate(1, Date.valueOf(day));
          ps.setString(2, row.getKey());
          ps.setLong(3, row.getValue());
        });
  }

  /** The live population on each snapshot day in {@code from..to}, oldest first. */
  Map<LocalDate, Long> populations(LocalDate from, LocalDate to) {
    Map<LocalDate, Long> days = new LinkedHashMap<>();
    jdbc.sql(
            "select snapshot_day, population from analytics_day"
                + " where snapshot_day between :from and :to order by snapshot_day")
        .param("from", Date.valueOf(from))
        .param("to", Date.valueOf(to))
        .query(
            rs -> {
              days.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
            });
    return days;
  }

  /** For each key, its size per snapshot day in {@code from..to}; a key absent that day is 0. */
  Map<String, Map<LocalDate, Long>> sizes(List<String> keys, LocalDate from, LocalDate to) {
    Map<String, Map<LocalDate, Long>> sizes = new LinkedHashMap<>();
    keys.forEach(key -> sizes.put(key, new HashMap<>()));
    if (keys.isEmpty()) {
      return sizes;
    }
    jdbc.sql(
            "select index_key, snapshot_day, member_count from analytics_size"
                + " where index_key in (:keys) and snapshot_day between :from and :to")
        .param("keys", keys)
        .param("from", Date.valueOf(from))
        .param("to", Date.valueOf(to))
        .query(
            rs -> {
              sizes.get(rs.getString(1)).put(rs.getDate(2).toLocalDate(), rs.getLong(3));
            });
    return sizes;
  }

  /** The latest snapshot day before {@code day}, else the earliest on or after it. */
  Optional<LocalDate> snapshotDayAround(LocalDate day) {
    Optional<LocalDate> before = day("select max(snapshot_day)", "snapshot_day < :day", day);
    return before.isPresent()
        ? before
        : day("select min(snapshot_day)", "snapshot_day >= :day", day);
  }

  private Optional<LocalDate> day(String select, String where, LocalDate day) {
    return jdbc.sql(select + " from analytics_day where " + where)
        .param("day", Date.valueOf(day))
        .query((rs, n) -> Optional.ofNullable(rs.getDate(1)).map(Date::toLocalDate))
        .single();
  }

  Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    jdbc.sql("select name, setting_value from analytics_setting")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  settings.put(rs.getString(1), rs.getString(2));
                });
    return settings;
  }

  /** Replaces every setting; a null value removes it (the default applies again). */
  void saveSettings(Map<String, String> settings, String actor, Instant at) {
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      jdbc.sql("delete from analytics_setting where name = :name")
          .param("name", setting.getKey())
          .update();
      if (setting.getValue() != null) {
        jdbc.sql(
                "insert into analytics_setting (name, setting_value, updated_by, updated_at)"
                    + " values (:name, :value, :actor, :at)")
            .param("name", setting.getKey())
            .param("value", setting.getValue())
            .param("actor", actor)
            .param("at", Timestamp.from(at))
            .update();
      }
    }
  }

  /**
   * External id to value code of everyone who held the tag at {@code at}: whose last history row
   * for the tag up to then is an ENTER (a value move is written LEAVE old, then ENTER new). The
   * value is "" for a flag tag.
   */
  Map<String, String> holdersAt(long tagId, Instant at) {
    Map<String, String> holders = new HashMap<>();
    jdbc.sql(
            "select c.external_id, h.value_code from tag_history h"
                + " join customer c on c.id = h.customer_id"
                + " where h.id in (select max(id) from tag_history where tag_id = :tag"
                + " and at <= :at group by customer_id) and h.action = 'ENTER'")
        .param("tag", tagId)
        .param("at", Timestamp.from(at))
        .query(
            rs -> {
              String value = rs.getString(2);
              holders.put(rs.getString(1), value == null ? "" : value);
            });
    return holders;
  }

  /** Customer ids per word of {@link #customersWithEvent}'s answer: 62, so 2^id fits a bigint. */
  private static final int WORD = 62;

  /**
   * Database ids of the customers with at least one event of the type in {@code [from, to)}, when
   * the activity days cannot answer (see EventActivity): one scan of customer_event (the index on
   * (event_type, occurred_at, customer_id) that made it a range scan was dropped by V19), no join.
   * The database folds the ids into words of {@value #WORD} bits ({@code bit_or}), so a few hundred
   * thousand converters cross the wire as a fifth as many rows (with that index, at 10M customers
   * and a 30-day window: ~1 s instead of ~1.6 s with {@code distinct}, see docs/benchmark.md). Ids
   * beyond 2^31 are left out: they are never paired with the index (see CustomerIdBridge).
   */
  int[] customersWithEvent(String eventType, Instant from, Instant to) {
    int[][] ids = {new int[1024]};
    int[] size = {0};
    jdbc.sql(
            "select customer_id / 62, bit_or(cast(power(2, customer_id % 62) as bigint))"
                + " from customer_event where event_type = :type and occurred_at >= :from"
                + " and occurred_at < :to group by customer_id / 62")
        .param("type", eventType)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  long base = rs.getLong(1) * WORD;
                  for (long bits = rs.getLong(2); bits != 0; bits &= bits - 1) {
                    long id = base + Long.numberOfTrailingZeros(bits);
                    if (id <= Integer.MAX_VALUE) {
                      if (size[0] == ids[0].length) {
                        ids[0] = java.util.Arrays.copyOf(ids[0], size[0] * 2);
                      }
                      ids[0][size[0]++] = (int) id;
                    }
                  }
                });
    return java.util.Arrays.copyOf(ids[0], size[0]);
  }

  /** One stored event as the activity days need it. */
  record EventTrace(
      long id,
      long customerId,
      String type,
      Instant occurredAt,
      String orderId,
      java.math.BigDecimal amount,
      String properties) {}

  /**
   * Up to {@code limit} events with an id above {@code afterId} that occurred at or after {@code
   * from} (any time when null), in id order: one page of the activity days' backfill. The
   * properties come only with an event from {@code propertiesFrom} on or without an amount (older
   * events need only their amount). Reads the primary key in order from {@code afterId} on (no
   * index on occurred_at is needed: the whole backfill is one pass over the table), so no page
   * holds more than {@code limit} rows.
   */
  List<EventTrace> eventsAfter(long afterId, Instant from, Instant propertiesFrom, int limit) {
    return jdbc.sql(
            "select id, customer_id, event_type, occurred_at, order_id, amount, case when amount is"
                + " null or occurred_at >= :propertiesFrom then properties end from customer_event"
                + " where id > :after"
                + (from == null ? "" : " and occurred_at >= :from")
                + " order by id limit :limit")
        .param("after", afterId)
        .param("propertiesFrom", Timestamp.from(propertiesFrom))
        .params(from == null ? java.util.Map.of() : java.util.Map.of("from", Timestamp.from(from)))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new EventTrace(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5),
                    rs.getBigDecimal(6),
                    rs.getString(7)))
        .list();
  }

  /** Event types seen, most frequent first, for the conversion picker. */
  List<String> eventTypes(int limit) {
    return jdbc.sql(
            "select event_type from customer_event group by event_type order by count(*) desc,"
                + " event_type limit :limit")
        .param("limit", limit)
        .query(String.class)
        .list();
  }
}
