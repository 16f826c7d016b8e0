package io.tagbase.tagging;

import io.tagbase.tagging.MembershipChange.Action;
import io.tagbase.taxonomy.TagDefinition;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes validated assignments of one tag for many customers in JDBC batches: the assignment rows,
 * one history row per enter and leave, and, after the surrounding transaction commits, the index.
 * Cost: one read per 500 customers to find what they hold, then one batch per kind of change. Must
 * run inside a transaction (the caller's), so all of it commits or none.
 */
@Repository
class AssignmentWriter {
  /** One customer's part of a write; value and expiry are already checked and defaulted. */
  record Item(long customerId, String externalId, String value, Instant expiresAt) {}

  private static final int CHUNK = 500;
  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final MembershipIndex index;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  AssignmentWriter(
      JdbcClient jdbc,
      JdbcTemplate template,
      MembershipIndex index,
      Clock clock,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.template = template;
    this.index = index;
    this.clock = clock;
    this.events = events;
  }

  private record Held(String value, Instant expiresAt) {}

  private record HistoryRow(long customerId, String value, Action action) {}

  WriteSummary add(
      TagDefinition tag, List<Item> all, AssignmentSource source, String actor, String reason) {
    List<Item> items = distinct(all);
    Map<Long, Held> held = held(tag.id(), items);
    Instant now = clock.instant();
    List<Item> inserts = new ArrayList<>();
    List<Item> updates = new ArrayList<>();
    List<HistoryRow> history = new ArrayList<>();
    List<String[]> valueMoves = new ArrayList<>();
    int unchanged = 0;
    for (Item item : items) {
      Held before = held.get(item.customerId());
      if (before == null) {
        inserts.add(item);
        history.add(new HistoryRow(item.customerId(), item.value(), Action.ENTER));
      } else {
        updates.add(item);
        if (tag.layered() && !item.value().equals(before.value())) {
          history.add(new HistoryRow(item.customerId(), before.value(), Action.LEAVE));
          history.add(new HistoryRow(item.customerId(), item.value(), Action.ENTER));
          valueMoves.add(new String[] {item.externalId(), before.value(), item.value()});
        } else {
          unchanged++;
        }
      }
    }
    Timestamp ts = Timestamp.from(now);
    template.batchUpdate(
        "insert into tag_assignment (customer_id, tag_id, value_code, source, actor, assigned_at,"
            + " expires_at) values (?, ?, ?, ?, ?, ?, ?)",
        inserts,
        1000,
        (ps, i) -> {
          ps.setLong(1, i.customerId());
          ps.setLong(2, tag.id());
          ps.setString(3, i.value());
          ps.setString(4, source.name());
          ps.setString(5, actor);
          ps.setTimestamp(6, ts);
          ps.setObject(7, JdbcAssignmentRepository.timestamp(i.expiresAt()), Types.TIMESTAMP);
        });
    template.batchUpdate(
        "update tag_assignment set value_code = ?, source = ?, actor = ?, assigned_at = ?,"
            + " expires_at = ? where customer_id = ? and tag_id = ?",
        updates,
        1000,
        (ps, i) -> {
          ps.setString(1, i.value());
          ps.setString(2, source.name());
          ps.setString(3, actor);
          ps.setTimestamp(4, ts);
          ps.setObject(5, JdbcAssignmentRepository.timestamp(i.expiresAt()), Types.TIMESTAMP);
          ps.setLong(6, i.customerId());
          ps.setLong(7, tag.id());
        });
    appendHistory(tag, history, source, actor, reason, ts);
    List<String> entered = inserts.stream().map(Item::externalId).toList();
    Map<String, List<String>> enteredByValue = new HashMap<>();
    for (Item i : inserts) {
      enteredByValue
          .computeIfAbsent(String.valueOf(i.value()), k -> new ArrayList<>())
          .add(i.externalId());
    }
    AfterCommit.run(
        () -> {
          if (tag.layered()) {
            enteredByValue.forEach((value, ids) -> index.assigned(tag.code(), value, ids));
          } else {
            index.assigned(tag.code(), null, entered);
          }
          for (String[] move : valueMoves) {
            index.valueChanged(tag.code(), move[1], move[2], move[0]);
          }
        });
    return new WriteSummary(inserts.size(), valueMoves.size(), unchanged, 0, 0);
  }

  WriteSummary remove(
      TagDefinition tag, List<Item> all, AssignmentSource source, String actor, String reason) {
    List<Item> items = distinct(all);
    Map<Long, Held> held = held(tag.id(), items);
    List<Item> deletes = new ArrayList<>();
    List<HistoryRow> history = new ArrayList<>();
    for (Item item : items) {
      Held before = held.get(item.customerId());
      if (before != null) {
        deletes.add(new Item(item.customerId(), item.externalId(), before.value(), null));
        history.add(new HistoryRow(item.customerId(), before.value(), Action.LEAVE));
      }
    }
    template.batchUpdate(
        "delete from tag_assignment where customer_id = ? and tag_id = ?",
        deletes,
        1000,
        (ps, i) -> {
          ps.setLong(1, i.customerId());
          ps.setLong(2, tag.id());
        });
    appendHistory(tag, history, source, actor, reason, Timestamp.from(clock.instant()));
    AfterCommit.run(
        () -> deletes.forEach(i -> index.unassigned(tag.code(), i.value(), i.externalId())));
    return new WriteSummary(0, 0, 0, deletes.size(), items.size() - deletes.size());
  }

  /** The first item per customer: a customer listed twice is written once. */
  private static List<Item> distinct(List<Item> items) {
    Map<Long, Item> first = new java.util.LinkedHashMap<>();
    items.forEach(i -> first.putIfAbsent(i.customerId(), i));
    return first.size() == items.size() ? items : List.copyOf(first.values());
  }

  private void appendHistory(
      TagDefinition tag,
      List<HistoryRow> rows,
      AssignmentSource source,
      String actor,
      String reason,
      Timestamp at) {
    template.batchUpdate(
        "insert into tag_history (customer_id, tag_id, value_code, action, source, actor, reason,"
            + " at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
        1000,
        (ps, h) -> {
          ps.setLong(1, h.customerId());
          ps.setLong(2, tag.id());
          ps.setString(3, h.value());
          ps.setString(4, h.action().name());
          ps.setString(5, source.name());
          ps.setString(6, actor);
          ps.setString(7, reason);
          ps.setTimestamp(8, at);
        });
    if (!rows.isEmpty()) {
      events.publishEvent(
          new TagMembershipChanged(
              tag.code(),
              java.util.UUID.randomUUID().toString(),
              rows.stream()
                  .map(
                      h ->
                          new TagMembershipChanged.Transition(
                              h.customerId(), h.value(), h.action() == Action.ENTER))
                  .toList(),
              source,
              actor,
              reason,
              at.toInstant()));
    }
  }

  private Map<Long, Held> held(long tagId, List<Item> items) {
    Map<Long, Held> held = new HashMap<>();
    List<Long> ids = items.stream().map(Item::customerId).distinct().toList();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      jdbc.sql(
              "select customer_id, value_code, expires_at from tag_assignment"
                  + " where tag_id = :tag and customer_id in (:ids)")
          .param("tag", tagId)
          .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
          .query(
              (rs, n) ->
                  held.put(
                      rs.getLong(1),
                      new Held(
                          rs.getString(2), JdbcAssignmentRepository.instant(rs.getTimestamp(3)))))
          .list();
    }
    return held;
  }
}
