package io.tagbase.rules;

import io.tagbase.customer.AttributeDefinition;
import io.tagbase.customer.AttributeSchema;
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
    repository
        .eventSamples(SAMPLE)
        .forEach((type, samples) -> schema.event(type, properties(samples)));
    return schema.build();
  }

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
