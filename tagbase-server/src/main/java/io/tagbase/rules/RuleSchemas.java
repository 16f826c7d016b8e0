package io.tagbase.rules;

import io.tagbase.customer.AttributeDefinition;
import io.tagbase.customer.AttributeSchema;
import io.tagbase.customer.EventsRecorded;
import io.tagbase.engine.rule.FieldType;
import io.tagbase.engine.rule.RuleSchema;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagStatus;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TaxonomyService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The live schema rules are checked against: built-in and custom attributes (Chinese names as
 * aliases), every tag that is not archived (layered ones with their values), and each event type in
 * the data with its properties' types inferred from its latest 200 events, plus {@code amount} and
 * {@code order_id}. Cost: a few small queries; built per check, so always current.
 */
@Component
class RuleSchemas {
  /** Events read per type to infer property types. */
  private static final int SAMPLE = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AttributeSchema attributes;
  private final TaxonomyService taxonomy;
  private final JdbcRuleRepository repository;

  RuleSchemas(AttributeSchema attributes, TaxonomyService taxonomy, JdbcRuleRepository repository) {
    this.attributes = attributes;
    this.taxonomy = taxonomy;
    this.repository = repository;
  }

  RuleSchema build() {
    RuleSchema.Builder schema =
        RuleSchema.builder()
            .attribute("gender", FieldType.STRING, "性别")
            .attribute("age", FieldType.NUMBER, "年龄")
            .attribute("city", FieldType.STRING, "城市")
            .attribute("channel", FieldType.STRING, "渠道")
            .attribute("signup_date", FieldType.DATE, "注册日期");
    for (AttributeDefinition field : attributes.fields()) {
      schema.attribute(
          new RuleSchema.Field(
              field.code(),
              FieldType.valueOf(field.type().name()),
              List.of(field.nameZh()),
              field.options() == null ? List.of() : field.options()));
    }
    for (TagDefinition tag : taxonomy.tags()) {
      if (tag.status() == TagStatus.ARCHIVED) {
        continue;
      }
      if (tag.layered() && !tag.values().isEmpty()) {
        schema.layeredTag(
            tag.code(), tag.values().stream().map(TagValue::code).toList(), tag.nameZh());
      } else {
        schema.flagTag(tag.code(), tag.nameZh());
      }
    }
    eventFields().forEach(schema::event);
    return schema.build();
  }

  /**
   * Event types with their properties' types, read from the events at most once a minute (finding
   * the types scans the events table, which grows without bound); a batch bringing a type not seen
   * yet drops the cache once it has committed, so a new type can be used in a rule at once.
   */
  private Map<String, List<RuleSchema.Field>> eventFields() {
    Cached cached = events;
    if (cached == null || System.nanoTime() - cached.loadedAt() > EVENT_TYPES_TTL_NANOS) {
      Map<String, List<RuleSchema.Field>> fields = new LinkedHashMap<>();
      repository
          .eventSamples(SAMPLE)
          .forEach((type, samples) -> fields.put(type, properties(samples)));
      cached = new Cached(Map.copyOf(fields), System.nanoTime());
      events = cached;
    }
    return new java.util.TreeMap<>(cached.fields());
  }

  @TransactionalEventListener(fallbackExecution = true)
  void eventsRecorded(EventsRecorded recorded) {
    Cached cached = events;
    if (cached != null && !cached.fields().keySet().containsAll(recorded.eventTypes())) {
      events = null;
    }
  }

  private record Cached(Map<String, List<RuleSchema.Field>> fields, long loadedAt) {}

  private static final long EVENT_TYPES_TTL_NANOS = 60_000_000_000L;
  private volatile Cached events;

  /** Custom field codes and their type names, for loading values. */
  Map<String, String> customTypes() {
    Map<String, String> types = new HashMap<>();
    attributes.fields().forEach(f -> types.put(f.code(), f.type().name()));
    return types;
  }

  /** A property seen as numbers only is NUMBER, as booleans only BOOLEAN, otherwise STRING. */
  static List<RuleSchema.Field> properties(List<String> samples) {
    Map<String, FieldType> types = new LinkedHashMap<>();
    types.put("amount", FieldType.NUMBER);
    types.put("order_id", FieldType.STRING);
    for (String json : samples) {
      JsonNode node;
      try {
        node = JSON.readTree(json);
      } catch (RuntimeException e) {
        continue;
      }
      if (node == null || !node.isObject()) {
        continue;
      }
      for (var entry : node.properties()) {
        JsonNode v = entry.getValue();
        FieldType seen =
            v.isNumber()
                ? FieldType.NUMBER
                : v.isBoolean() ? FieldType.BOOLEAN : v.isString() ? FieldType.STRING : null;
        if (seen != null) {
          types.merge(entry.getKey(), seen, (a, b) -> a == b ? a : FieldType.STRING);
        }
      }
    }
    List<RuleSchema.Field> fields = new ArrayList<>();
    types.forEach(
        (code, type) -> fields.add(new RuleSchema.Field(code, type, List.of(), List.of())));
    return fields;
  }
}
