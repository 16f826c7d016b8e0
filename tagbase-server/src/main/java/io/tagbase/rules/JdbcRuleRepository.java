package io.tagbase.rules;

import io.tagbase.customer.EventProperties;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Stored rules, and the customer data rules read: built-in and custom attributes, and events up to
 * a day. Loading everything costs one scan of customers, their custom values and the events of the
 * types a rule reads.
 */
@Repository
class JdbcRuleRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SELECT =
      "select r.tag_id, t.code, r.definition, r.version, r.depends_on, r.reads_events,"
          + " r.time_relative, r.updated_by, r.updated_at, r.last_evaluated_at, r.last_as_of,"
          + " r.last_result, r.last_error, r.program from rule_tag r join tag t on t.id = r.tag_id";

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate template;

  private final java.time.ZoneId zone;

  JdbcRuleRepository(
      JdbcClient jdbc,
      org.springframework.jdbc.core.JdbcTemplate template,
      @org.springframework.beans.factory.annotation.Value("${tagbase.zone:Asia/Shanghai}")
          String zone) {
    this.jdbc = jdbc;
    this.template = template;
    this.zone = java.time.ZoneId.of(zone);
  }

  Optional<TagRule> find(long tagId) {
    return jdbc.sql(SELECT + " where r.tag_id = :tag")
        .param("tag", tagId)
        .query(JdbcRuleRepository::map)
        .optional();
  }

  List<TagRule> all() {
    return jdbc.sql(SELECT + " order by t.code").query(JdbcRuleRepository::map).list();
  }

  /** Inserts or replaces the rule; returns its new version. */
  int save(
      long tagId,
      String program,
      String text,
      Collection<String> dependsOn,
      Collection<String> readsEvents,
      boolean timeRelative,
      String actor,
      Instant at) {
    int version = find(tagId).map(r -> r.version() + 1).orElse(1);
    jdbc.sql("delete from rule_tag where tag_id = :tag").param("tag", tagId).update();
    jdbc.sql(
            "insert into rule_tag (tag_id, program, definition, version, depends_on, reads_events,"
                + " time_relative, updated_by, updated_at) values (:tag, :program, :text, :version,"
                + " :deps, :events, :relative, :actor, :at)")
        .param("tag", tagId)
        .param("program", program)
        .param("text", text)
        .param("version", version)
        .param("deps", String.join(",", dependsOn))
        .param("events", String.join(",", readsEvents))
        .param("relative", timeRelative)
        .param("actor", actor)
        .param("at", Timestamp.from(at))
        .update();
    return version;
  }

  void recordResult(long tagId, Instant at, LocalDate asOf, String result, String error) {
    jdbc.sql(
            "update rule_tag set last_evaluated_at = :at, last_as_of = :asOf, last_result ="
                + " :result, last_error = :error where tag_id = :tag")
        .param("at", Timestamp.from(at))
        .param("asOf", asOf == null ? null : java.sql.Date.valueOf(asOf), Types.DATE)
        .param("result", result == null ? null : truncate(result, 1000), Types.VARCHAR)
        .param("error", error == null ? null : truncate(error, 2000), Types.VARCHAR)
        .param("tag", tagId)
        .update();
  }

  /** Distinct event types with up to {@code sample} property JSON texts each, newest first. */
  Map<String, List<String>> eventSamples(int sample) {
    Map<String, List<String>> samples = new LinkedHashMap<>();
    for (String type :
        jdbc.sql("select distinct event_type from customer_event order by event_type")
            .query(String.class)
            .list()) {
      samples.put(
          type,
          jdbc.sql(
                  "select properties from customer_event where event_type = :type and properties"
                      + " is not null order by id desc limit :limit")
              .param("type", type)
              .param("limit", sample)
              .query(String.class)
              .list());
    }
    return samples;
  }

  /**
   * Attributes and events (of {@code eventTypes}, up to and including {@code asOf}) of the given
   * customers, or of everyone when {@code customerIds} is null.
   */
  RuleInputs load(
      Map<String, String> customTypes,
      Set<String> eventTypes,
      LocalDate asOf,
      Collection<Long> customerIds) {
    RuleInputs inputs = new RuleInputs();
    String only = customerIds == null ? "" : " where c.id in (:ids)";
    var builtIn =
        jdbc.sql(
            "select c.external_id, c.gender, c.age, c.city, c.channel, c.signup_date from"
                + " customer c"
                + only);
    if (customerIds != null) {
      builtIn = builtIn.param("ids", customerIds);
    }
    builtIn
        .query(
            (rs, n) -> {
              String id = rs.getString(1);
              add(inputs, id, "gender", rs.getString(2));
              int age = rs.getInt(3);
              add(inputs, id, "age", rs.wasNull() ? null : age);
              add(inputs, id, "city", rs.getString(4));
              add(inputs, id, "channel", rs.getString(5));
              java.sql.Date signup = rs.getDate(6);
              add(inputs, id, "signup_date", signup == null ? null : signup.toLocalDate());
              return null;
            })
        .list();
    if (!customTypes.isEmpty()) {
      var custom =
          jdbc.sql(
              "select c.external_id, d.code, a.text_value, a.number_value from"
                  + " customer_attribute a join customer c on c.id = a.customer_id join"
                  + " attribute_def d on d.id = a.attribute_id"
                  + only);
      if (customerIds != null) {
        custom = custom.param("ids", customerIds);
      }
      custom
          .query(
              (rs, n) -> {
                String code = rs.getString(2);
                String type = customTypes.get(code);
                if (type != null) {
                  add(inputs, rs.getString(1), code, value(type, rs.getString(3), rs, 4));
                }
                return null;
              })
          .list();
    }
    loadEvents(inputs, eventTypes, asOf, customerIds);
    return inputs;
  }

  /**
   * Everyone's events of {@code eventTypes} up to and including {@code asOf}, without attributes
   * (whole-population evaluation reads those from the index's columns). Nothing when no types.
   */
  RuleInputs events(Set<String> eventTypes, LocalDate asOf) {
    RuleInputs inputs = new RuleInputs();
    loadEvents(inputs, eventTypes, asOf, null);
    return inputs;
  }

  private void loadEvents(
      RuleInputs inputs, Set<String> eventTypes, LocalDate asOf, Collection<Long> customerIds) {
    if (!eventTypes.isEmpty()) {
      Instant end = asOf.plusDays(1).atStartOfDay(zone).toInstant();
      var events =
          jdbc.sql(
              "select c.external_id, e.event_type, e.occurred_at, e.order_id, e.amount,"
                  + " e.properties from customer_event e join customer c on c.id = e.customer_id"
                  + " where e.occurred_at < :end and e.event_type in (:types)"
                  + (customerIds == null ? "" : " and c.id in (:ids)")
                  + " order by e.id");
      events = events.param("end", Timestamp.from(end)).param("types", eventTypes);
      if (customerIds != null) {
        events = events.param("ids", customerIds);
      }
      events
          .query(
              (rs, n) -> {
                Map<String, Object> props =
                    EventProperties.of(rs.getString(6), rs.getString(4), rs.getBigDecimal(5));
                int day =
                    (int) rs.getTimestamp(3).toInstant().atZone(zone).toLocalDate().toEpochDay();
                inputs.events.add(
                    new RuleInputs.Event(rs.getString(1), rs.getString(2), day, props));
                return null;
              })
          .list();
    }
  }

  /** External ids of the given customers. */
  Map<Long, String> externalIds(Collection<Long> customerIds) {
    Map<Long, String> ids = new HashMap<>();
    jdbc.sql("select id, external_id from customer where id in (:ids)")
        .param("ids", customerIds)
        .query((rs, n) -> ids.put(rs.getLong(1), rs.getString(2)))
        .list();
    return ids;
  }

  /** Replaces a statistical tag's numbers with {@code numbers} (by external id) as of a day. */
  void replaceNumbers(long tagId, Map<String, Double> numbers, LocalDate asOf) {
    jdbc.sql("delete from tag_number where tag_id = :tag").param("tag", tagId).update();
    List<Map.Entry<String, Double>> rows = List.copyOf(numbers.entrySet());
    java.sql.Date day = java.sql.Date.valueOf(asOf);
    template.batchUpdate(
        "insert into tag_number (tag_id, customer_id, number, as_of) select ?, id, ?, ? from"
            + " customer where external_id = ?",
        rows,
        1000,
        (ps, row) -> {
          ps.setLong(1, tagId);
          ps.setDouble(2, row.getValue());
          ps.setDate(3, day);
          ps.setString(4, row.getKey());
        });
  }

  /** A customer's statistical numbers by tag code. */
  Map<String, Double> numbers(String externalId) {
    Map<String, Double> numbers = new LinkedHashMap<>();
    jdbc.sql(
            "select t.code, n.number from tag_number n join tag t on t.id = n.tag_id join customer"
                + " c on c.id = n.customer_id where c.external_id = :id order by t.code")
        .param("id", externalId)
        .query((rs, i) -> numbers.put(rs.getString(1), rs.getDouble(2)))
        .list();
    return numbers;
  }

  private static void add(RuleInputs inputs, String externalId, String code, Object value) {
    if (value != null) {
      inputs.attributes.add(new RuleInputs.Attribute(externalId, code, value));
    }
  }

  private static Object value(String type, String text, ResultSet rs, int numberColumn)
      throws SQLException {
    switch (type) {
      case "NUMBER":
        double number = rs.getDouble(numberColumn);
        return rs.wasNull() ? new BigDecimal(text) : (Object) number;
      case "BOOLEAN":
        return Boolean.parseBoolean(text);
      case "DATE":
        return LocalDate.parse(text);
      case "DATETIME":
        return java.time.OffsetDateTime.parse(text).toInstant();
      case "LIST":
        JsonNode list = JSON.readTree(text);
        return list.isArray() ? list.valueStream().map(JsonNode::asString).toList() : List.of(text);
      default:
        return text;
    }
  }

  private static TagRule map(ResultSet rs, int row) throws SQLException {
    Timestamp evaluated = rs.getTimestamp(10);
    java.sql.Date asOf = rs.getDate(11);
    return new TagRule(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        split(rs.getString(5)),
        split(rs.getString(6)),
        rs.getBoolean(7),
        rs.getString(8),
        rs.getTimestamp(9).toInstant(),
        evaluated == null ? null : evaluated.toInstant(),
        asOf == null ? null : asOf.toLocalDate(),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14));
  }

  private static List<String> split(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
