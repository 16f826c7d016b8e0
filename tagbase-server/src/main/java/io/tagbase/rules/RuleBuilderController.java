package io.tagbase.rules;

import io.tagbase.engine.rule.Rule;
import io.tagbase.engine.rule.RuleJson;
import io.tagbase.engine.rule.RuleSchema;
import io.tagbase.engine.rule.RuleSyntaxException;
import io.tagbase.engine.rule.RuleText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the console's visual rule builder needs: the rule text as the JSON condition tree (each node
 * also carrying its own canonical text, so the builder can keep a part it cannot edit as text), the
 * tree back as canonical text (a node {@code {"raw": "..."}} is rule text), and the schema's names
 * for its pickers. Console session only; the text and JSON forms are the documented rule language.
 */
@RestController
class RuleBuilderController {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RuleSchemas schemas;

  RuleBuilderController(RuleSchemas schemas) {
    this.schemas = schemas;
  }

  @PostMapping(path = "/rules/builder/tree", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> tree(@RequestParam(required = false) String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      out.put("tree", null);
      return out;
    }
    try {
      Rule rule = RuleText.parse(text);
      try {
        // names resolved to codes (城市 -> city) when the rule fits the schema
        rule = io.tagbase.engine.rule.RuleChecker.check(rule, schemas.build()).rule();
      } catch (io.tagbase.engine.rule.RuleTypeException e) {
        // the builder shows the names as written; the check under the editor lists the errors
      }
      out.put("tree", annotated(rule));
    } catch (RuleSyntaxException e) {
      out.put("error", e.error().toString());
    }
    return out;
  }

  @PostMapping(
      path = "/rules/builder/text",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> text(@RequestBody JsonNode tree) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      out.put("text", RuleText.print(rule(tree)));
    } catch (RuleSyntaxException e) {
      out.put("error", e.error().toString());
    } catch (IllegalArgumentException e) {
      out.put("error", e.getMessage());
    }
    return out;
  }

  @GetMapping(path = "/rules/builder/schema", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> schema() {
    RuleSchema schema = schemas.build();
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> attributes = new ArrayList<>();
    for (RuleSchema.Field f : schema.attributes()) {
      attributes.add(
          Map.of(
              "code", f.code(),
              "name", f.aliases().isEmpty() ? f.code() : f.aliases().get(0),
              "type", f.type().name(),
              "values", f.values()));
    }
    List<Map<String, Object>> tags = new ArrayList<>();
    for (RuleSchema.Tag t : schema.tags()) {
      tags.add(
          Map.of(
              "code", t.code(),
              "name", t.aliases().isEmpty() ? t.code() : t.aliases().get(0),
              "values", t.values()));
    }
    List<Map<String, Object>> events = new ArrayList<>();
    for (RuleSchema.Event e : schema.events()) {
      events.add(
          Map.of(
              "code",
              e.code(),
              "properties",
              e.properties().stream()
                  .map(p -> Map.of("code", p.code(), "type", p.type().name()))
                  .toList()));
    }
    out.put("attributes", attributes);
    out.put("tags", tags);
    out.put("events", events);
    return out;
  }

  /** The rule as its JSON tree, every node with its canonical text under "text". */
  private static Object annotated(Rule rule) {
    Map<String, Object> node = new LinkedHashMap<>();
    if (rule instanceof Rule.And and) {
      node.put("and", and.terms().stream().map(RuleBuilderController::annotated).toList());
    } else if (rule instanceof Rule.Or or) {
      node.put("or", or.terms().stream().map(RuleBuilderController::annotated).toList());
    } else if (rule instanceof Rule.Not not) {
      node.put("not", annotated(not.term()));
    } else {
      node.putAll(JSON.readValue(RuleJson.write(rule), LinkedHashMap.class));
    }
    node.put("text", RuleText.print(rule));
    return node;
  }

  /** The tree back as a rule: groups of one are their term, raw nodes are parsed as text. */
  private static Rule rule(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("A condition is empty.");
    }
    if (node.has("raw")) {
      String raw = node.get("raw").asString();
      if (raw == null || raw.isBlank()) {
        throw new IllegalArgumentException("A condition written as text is empty.");
      }
      return RuleText.parse(raw);
    }
    for (String group : List.of("and", "or")) {
      if (node.has(group)) {
        List<Rule> terms = new ArrayList<>();
        node.get(group).forEach(child -> terms.add(rule(child)));
        if (terms.isEmpty()) {
          throw new IllegalArgumentException("A group has no conditions.");
        }
        if (terms.size() == 1) {
          return terms.get(0);
        }
        return group.equals("and") ? new Rule.And(terms) : new Rule.Or(terms);
      }
    }
    if (node.has("not")) {
      return new Rule.Not(rule(node.get("not")));
    }
    ObjectNode leaf = ((ObjectNode) node).deepCopy();
    leaf.remove("text");
    return RuleJson.read(leaf.toString());
  }
}
