package io.tagbase.segment;

import io.tagbase.engine.Condition;
import io.tagbase.tagging.TagKeys;
import io.tagbase.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON condition tree: {@code {"tag": "vip"}}, {@code {"tag": "rfm", "value":
 * "champion"}}, {@code {"and": [...]}}, {@code {"or": [...]}}, {@code {"not": {...}}}. Every error
 * names the JSON path at fault, such as {@code condition.and[1].tag}.
 */
final class ConditionJson {
  static final int MAX_DEPTH = 32;
  static final int MAX_TERMS = 1000;

  /** What the parser may ask about tags. */
  interface Tags {
    boolean exists(String code);

    boolean hasValue(String code, String value);

    /** Whether a saved segment with this code exists (and may be used here). */
    default boolean segmentExists(String code) {
      return false;
    }

    /**
     * The members of a condition in the rule language, evaluated now; 400 naming {@code path} when
     * the rule does not check.
     */
    default Condition rule(String text, String path) {
      throw new InvalidInputException(path, "Rule conditions are not available here.");
    }
  }

  private final Tags tags;
  private int terms;

  private ConditionJson(Tags tags) {
    this.tags = tags;
  }

  /** The codes of the saved segments a condition tree uses, at any depth. */
  static java.util.Set<String> segmentsUsed(Object json) {
    java.util.Set<String> codes = new java.util.HashSet<>();
    collectSegments(json, codes, 0);
    return codes;
  }

  private static void collectSegments(Object json, java.util.Set<String> codes, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (json instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if ("segment".equals(key) && value instanceof String code) {
              codes.add(code);
            } else {
              collectSegments(value, codes, depth + 1);
            }
          });
    } else if (json instanceof List<?> list) {
      list.forEach(item -> collectSegments(item, codes, depth + 1));
    }
  }

  /** Parses a condition already read as plain JSON values (maps, lists, strings). */
  static Condition parse(Object json, String path, Tags tags) {
    return new ConditionJson(tags).read(json, path, 0);
  }

  private Condition read(Object json, String path, int depth) {
    if (json == null) {
      throw new InvalidInputException(path, "A condition is required at " + path + ".");
    }
    if (depth > MAX_DEPTH) {
      throw new InvalidInputException(path, "Conditions may nest at most " + MAX_DEPTH + " deep.");
    }
    if (++terms > MAX_TERMS) {
      throw new InvalidInputException(
          path, "A condition may have at most " + MAX_TERMS + " terms.");
    }
    if (json instanceof Map<?, ?> pair
        && pair.size() == 2
        && pair.containsKey("tag")
        && pair.containsKey("value")) {
      return tagValue(pair.get("tag"), pair.get("value"), path);
    }
    if (!(json instanceof Map<?, ?> node) || node.size() != 1) {
      throw new InvalidInputException(
          path, path + " must be an object with exactly one of \"tag\", \"and\", \"or\", \"not\".");
    }
    var entry = node.entrySet().iterator().next();
    String key = String.valueOf(entry.getKey());
    Object value = entry.getValue();
    switch (key) {
      case "tag":
        return tag(value, path + ".tag");
      case "and":
        return Condition.and(list(value, path + ".and", depth));
      case "or":
        return Condition.or(list(value, path + ".or", depth));
      case "not":
        return Condition.not(read(value, path + ".not", depth + 1));
      case "segment":
        return segment(value, path + ".segment");
      case "rule":
        if (!(value instanceof String text) || text.isBlank()) {
          throw new InvalidInputException(path + ".rule", path + ".rule must be rule text.");
        }
        return tags.rule(text, path + ".rule");
      default:
        throw new InvalidInputException(
            path + "." + key,
            "Unknown operator \""
                + key
                + "\" at "
                + path
                + "; use tag, segment, rule, and, or, not.");
    }
  }

  private Condition tag(Object value, String path) {
    if (!(value instanceof String code) || code.isBlank()) {
      throw new InvalidInputException(path, path + " must be a tag code.");
    }
    if (!tags.exists(code)) {
      throw new InvalidInputException(path, "No tag with code '" + code + "' (at " + path + ").");
    }
    return Condition.tag(code);
  }

  /** {@code {"segment": "code"}}: the members of a saved segment as last evaluated. */
  private Condition segment(Object value, String path) {
    if (!(value instanceof String code) || !tags.segmentExists(code)) {
      throw new InvalidInputException(path, path + " must be the code of a saved segment.");
    }
    return Condition.tag(SegmentKeys.of(code));
  }

  /** {@code {"tag": "rfm", "value": "champion"}}: customers holding that value of a layered tag. */
  private Condition tagValue(Object tag, Object value, String path) {
    tag(tag, path + ".tag");
    if (!(value instanceof String v) || !tags.hasValue((String) tag, v)) {
      throw new InvalidInputException(
          path + ".value", path + ".value must be one of the values of tag '" + tag + "'.");
    }
    return Condition.tag(TagKeys.of((String) tag, v));
  }

  private List<Condition> list(Object value, String path, int depth) {
    if (!(value instanceof List<?> items) || items.isEmpty()) {
      throw new InvalidInputException(path, path + " must be a non-empty list of conditions.");
    }
    List<Condition> terms = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      terms.add(read(items.get(i), path + "[" + i + "]", depth + 1));
    }
    return terms;
  }
}
