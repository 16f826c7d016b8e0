package io.tagbase.governance;

import io.tagbase.governance.JdbcGovernanceRepository.StoredAutomation;
import io.tagbase.governance.JdbcGovernanceRepository.StoredRule;
import io.tagbase.governance.JdbcGovernanceRepository.StoredSegment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds every reference to tags in rules, template settings, segment condition trees and
 * automations, and rewrites them (renaming tag codes) or puts back what a rewrite replaced. Cost:
 * one read of each table and a parse of every rule; the library is hundreds to a few thousand rows.
 */
@Component
class TagReferences {
  /**
   * One stored text changed by a rewrite, with what it was, so it can be put back; for a rule also
   * the tags it depended on before.
   */
  record Rewrite(
      String kind,
      String code,
      String field,
      String before,
      String after,
      List<String> dependsOn) {}

  private final JdbcGovernanceRepository repository;
  private final ObjectMapper json;
  private final Clock clock;

  TagReferences(JdbcGovernanceRepository repository, ObjectMapper json, Clock clock) {
    this.repository = repository;
    this.json = json;
    this.clock = clock;
  }

  /** Every usage of every tag, by tag code. */
  Map<String, List<Usage>> all() {
    Map<String, List<Usage>> out = new LinkedHashMap<>();
    for (StoredRule r : repository.rules()) {
      String kind = "FLAG".equals(r.program()) ? "RULE" : "TEMPLATE";
      for (String tag : ruleTags(r)) {
        add(out, tag, new Usage(kind, r.tagCode(), r.tagCode(), "rule"));
      }
    }
    for (StoredSegment s : repository.segments()) {
      for (String tag : jsonTags(s.conditionJson())) {
        add(out, tag, new Usage("SEGMENT", s.code(), s.nameZh(), "condition"));
      }
    }
    for (StoredAutomation a : repository.automations()) {
      if (a.triggerKind().startsWith("TAG_") && a.triggerTarget() != null) {
        add(out, a.triggerTarget(), new Usage("AUTOMATION", a.code(), a.name(), "trigger"));
      }
      Set<String> conditions = new TreeSet<>();
      conditions.addAll(textTags(a.triggerCondition()));
      conditions.addAll(textTags(a.conditionText()));
      conditions.forEach(
          t -> add(out, t, new Usage("AUTOMATION", a.code(), a.name(), "condition")));
      jsonTags(a.actionsJson())
          .forEach(t -> add(out, t, new Usage("AUTOMATION", a.code(), a.name(), "actions")));
    }
    return out;
  }

  /** The tags each rule tag's rule reads, by rule tag code. */
  Map<String, Set<String>> uses() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (StoredRule r : repository.rules()) {
      out.put(r.tagCode(), ruleTags(r));
    }
    return out;
  }

  /**
   * Renames tag codes everywhere ({@code renames}: old code to new) and returns what changed. Rule
   * texts are printed canonically where they changed; everything else is kept as written.
   */
  List<Rewrite> rewrite(Map<String, String> renames) {
    List<Rewrite> done = new ArrayList<>();
    for (StoredRule r : repository.rules()) {
      String after =
          "FLAG".equals(r.program())
              ? RuleTags.rename(r.definition(), renames)
              : renameJson(r.definition(), renames);
      if (!after.equals(r.definition())) {
        repository.updateRule(r.tagCode(), after, renamed(r.dependsOn(), renames));
        done.add(new Rewrite("RULE", r.tagCode(), "rule", r.definition(), after, r.dependsOn()));
      }
    }
    for (StoredSegment s : repository.segments()) {
      String after = renameJson(s.conditionJson(), renames);
      if (!after.equals(s.conditionJson())) {
        repository.updateSegment(s.code(), after, clock.instant());
        done.add(
            new Rewrite("SEGMENT", s.code(), "condition", s.conditionJson(), after, List.of()));
      }
    }
    for (StoredAutomation a : repository.automations()) {
      StoredAutomation after =
          new StoredAutomation(
              a.code(),
              a.name(),
              a.triggerKind(),
              a.triggerKind().startsWith("TAG_")
                  ? renames.getOrDefault(a.triggerTarget(), a.triggerTarget())
                  : a.triggerTarget(),
              renameText(a.triggerCondition(), renames),
              renameText(a.conditionText(), renames),
              renameJson(a.actionsJson(), renames));
      if (!after.equals(a)) {
        repository.updateAutomation(after, clock.instant());
        done.add(new Rewrite("AUTOMATION", a.code(), "all", write(a), write(after), List.of()));
      }
    }
    return done;
  }

  /** Puts back what {@link #rewrite} replaced. */
  void restore(List<Rewrite> rewrites) {
    for (Rewrite r : rewrites) {
      switch (r.kind()) {
        case "RULE" -> repository.updateRule(r.code(), r.before(), r.dependsOn());
        case "SEGMENT" -> repository.updateSegment(r.code(), r.before(), clock.instant());
        case "AUTOMATION" ->
            repository.updateAutomation(
                json.readValue(r.before(), StoredAutomation.class), clock.instant());
        default -> throw new IllegalStateException("Unknown rewrite kind " + r.kind());
      }
    }
  }

  private Set<String> ruleTags(StoredRule r) {
    Set<String> tags = new TreeSet<>();
    if ("FLAG".equals(r.program())) {
      tags.addAll(r.dependsOn());
      tags.addAll(RuleTags.names(r.definition()));
    } else {
      tags.addAll(jsonTags(r.definition()));
    }
    tags.remove(r.tagCode());
    return tags;
  }

  private static Set<String> textTags(String text) {
    return text == null || text.isBlank() ? Set.of() : RuleTags.names(text);
  }

  private static String renameText(String text, Map<String, String> renames) {
    return text == null || text.isBlank() ? text : RuleTags.rename(text, renames);
  }

  private static List<String> renamed(List<String> codes, Map<String, String> renames) {
    return codes.stream().map(c -> renames.getOrDefault(c, c)).distinct().sorted().toList();
  }

  /** Tag codes in a JSON tree: "tag" and "...Tag" fields, and tags inside "rule" texts. */
  Set<String> jsonTags(String text) {
    Set<String> out = new TreeSet<>();
    if (text != null && !text.isBlank()) {
      walk(json.readTree(text), out, Map.of());
    }
    return out;
  }

  private String renameJson(String text, Map<String, String> renames) {
    if (text == null || text.isBlank()) {
      return text;
    }
    JsonNode tree = json.readTree(text);
    Set<String> found = new TreeSet<>();
    walk(tree, found, renames);
    return found.stream().anyMatch(renames::containsKey) ? json.writeValueAsString(tree) : text;
  }

  /** Collects tag names into {@code out} and, when {@code renames} is not empty, renames them. */
  private static void walk(JsonNode node, Set<String> out, Map<String, String> renames) {
    if (node instanceof ObjectNode object) {
      for (String field : List.copyOf(object.propertyNames())) {
        JsonNode child = object.get(field);
        if (child.isString() && (field.equals("tag") || field.endsWith("Tag"))) {
          out.add(child.asString());
          if (renames.containsKey(child.asString())) {
            object.put(field, renames.get(child.asString()));
          }
        } else if (child.isString() && field.equals("rule")) {
          Set<String> names = RuleTags.names(child.asString());
          out.addAll(names);
          if (names.stream().anyMatch(renames::containsKey)) {
            object.put(field, RuleTags.rename(child.asString(), renames));
          }
        } else {
          walk(child, out, renames);
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(child -> walk(child, out, renames));
    }
  }

  private String write(Object value) {
    return json.writeValueAsString(value);
  }

  private static void add(Map<String, List<Usage>> out, String tag, Usage usage) {
    List<Usage> list = out.computeIfAbsent(tag, k -> new ArrayList<>());
    if (!list.contains(usage)) {
      list.add(usage);
    }
  }
}
