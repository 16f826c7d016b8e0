package io.tagbase.segment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

@Repository
class JdbcSegmentRepository {
  private static final String COLUMNS =
      "id, code, name_zh, name_en, description, kind, condition_json, created_by, created_at,"
          + " updated_at, refreshed_at, member_count";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final ObjectMapper json;

  JdbcSegmentRepository(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
    this.jdbc = jdbc;
    this.template = template;
    this.json = json;
  }

  void insert(NewSegment s, SegmentKind kind, String actor, Instant now) {
    jdbc.sql(
            "insert into segment (code, name_zh, name_en, description, kind, condition_json,"
                + " created_by, created_at, updated_at) values (:code, :zh, :en, :description,"
                + " :kind, :condition, :actor, :now, :now)")
        .param("code", s.code())
        .param("zh", s.nameZh())
        .param("en", s.nameEn())
        .param("description", s.description(), java.sql.Types.VARCHAR)
        .param("kind", kind.name())
        .param("condition", json.writeValueAsString(s.condition()))
        .param("actor", actor)
        .param("now", Timestamp.from(now))
        .update();
  }

  void update(long id, NewSegment s, Instant now) {
    jdbc.sql(
            "update segment set name_zh = :zh, name_en = :en, description = :description,"
                + " condition_json = :condition, updated_at = :now where id = :id")
        .param("zh", s.nameZh())
        .param("en", s.nameEn())
        .param("description", s.description(), java.sql.Types.VARCHAR)
        .param("condition", json.writeValueAsString(s.condition()))
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  Optional<SegmentDefinition> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from segment where code = :code")
        .param("code", code)
        .query(this::map)
        .optional();
  }

  List<SegmentDefinition> all() {
    return jdbc.sql("select " + COLUMNS + " from segment order by id").query(this::map).list();
  }

  void delete(long id) {
    for (String table : List.of("segment_member", "segment_transition", "segment_size")) {
      jdbc.sql("delete from " + table + " where segment_id = :id").param("id", id).update();
    }
    jdbc.sql("delete from segment where id = :id").param("id", id).update();
  }

  /** Stores one evaluation: member changes, transitions, the day's size. */
  void applyRefresh(
      long segmentId, List<Long> entered, List<Long> left, long size, Instant now, LocalDate day) {
    Timestamp at = Timestamp.from(now);
    template.batchUpdate(
        "insert into segment_member (segment_id, customer_id) values (?, ?)",
        entered,
        1000,
        (ps, id) -> {
          ps.setLong(1, segmentId);
          ps.setLong(2, id);
        });
    template.batchUpdate(
        "delete from segment_member where segment_id = ? and customer_id = ?",
        left,
        1000,
        (ps, id) -> {
          ps.setLong(1, segmentId);
          ps.setLong(2, id);
        });
    transitions(segmentId, entered, "ENTER", at);
    transitions(segmentId, left, "LEAVE", at);
    jdbc.sql("update segment set refreshed_at = :now, member_count = :size where id = :id")
        .param("now", at)
        .param("size", size)
        .param("id", segmentId)
        .update();
    int updated =
        jdbc.sql(
                "update segment_size set member_count = :size, entered = entered + :entered,"
                    + " left_count = left_count + :left where segment_id = :id and size_day = :day")
            .param("size", size)
            .param("entered", entered.size())
            .param("left", left.size())
            .param("id", segmentId)
            .param("day", Date.valueOf(day))
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into segment_size (segment_id, size_day, member_count, entered, left_count)"
                  + " values (:id, :day, :size, :entered, :left)")
          .param("size", size)
          .param("entered", entered.size())
          .param("left", left.size())
          .param("id", segmentId)
          .param("day", Date.valueOf(day))
          .update();
    }
  }

  private void transitions(long segmentId, List<Long> customers, String action, Timestamp at) {
    template.batchUpdate(
        "insert into segment_transition (segment_id, customer_id, action, at) values (?, ?, ?, ?)",
        customers,
        1000,
        (ps, id) -> {
          ps.setLong(1, segmentId);
          ps.setLong(2, id);
          ps.setString(3, action);
          ps.setTimestamp(4, at);
        });
  }

  /** External ids of the stored members, for loading the index. */
  List<String> memberIds(long segmentId) {
    return jdbc.sql(
            "select c.external_id from segment_member m join customer c on c.id = m.customer_id"
                + " where m.segment_id = :id order by c.id")
        .param("id", segmentId)
        .query(String.class)
        .list();
  }

  List<SegmentSize> sizes(long segmentId, LocalDate from) {
    return jdbc.sql(
            "select size_day, member_count, entered, left_count from segment_size"
                + " where segment_id = :id and size_day >= :from order by size_day")
        .param("id", segmentId)
        .param("from", Date.valueOf(from))
        .query(
            (rs, n) ->
                new SegmentSize(
                    rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }

  List<SegmentTransition> transitions(long segmentId, int limit) {
    return jdbc.sql(
            "select coalesce(c.external_id, '#' || t.customer_id), t.action, t.at"
                + " from segment_transition t left join customer c on c.id = t.customer_id"
                + " where t.segment_id = :id order by t.id desc limit :limit")
        .param("id", segmentId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new SegmentTransition(
                    rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  /** The most common values of a built-in column among the members, most common first. */
  /** The most common values of a column among the members; only {@code owner}'s when given. */
  List<ValueCount> topValues(long segmentId, String column, int limit, String owner) {
    if (!List.of("city", "channel", "gender").contains(column)) {
      throw new IllegalArgumentException("Not a groupable column: " + column);
    }
    return jdbc.sql(
            "select coalesce(c."
                + column
                + ", '') as v, count(*) as n from segment_member m"
                + " join customer c on c.id = m.customer_id where m.segment_id = :id"
                + (owner == null ? "" : " and c.owner = :owner")
                + " group by c."
                + column
                + " order by n desc, v limit :limit")
        .param("id", segmentId)
        .param("owner", owner, java.sql.Types.VARCHAR)
        .param("limit", limit)
        .query((rs, n) -> new ValueCount(rs.getString(1), rs.getLong(2)))
        .list();
  }

  /** Drops a customer's memberships (its profile is being merged away or erased). */
  void forgetCustomer(long customerId) {
    jdbc.sql("delete from segment_member where customer_id = :id").param("id", customerId).update();
  }

  private SegmentDefinition map(ResultSet rs, int row) throws SQLException {
    Timestamp refreshed = rs.getTimestamp("refreshed_at");
    return new SegmentDefinition(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name_zh"),
        rs.getString("name_en"),
        rs.getString("description"),
        SegmentKind.valueOf(rs.getString("kind")),
        json.readValue(rs.getString("condition_json"), Object.class),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        refreshed == null ? null : refreshed.toInstant(),
        rs.getLong("member_count"));
  }
}
