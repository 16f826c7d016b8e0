package io.tagbase.tagging;

import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagValue;
import java.util.stream.Collectors;

/** Checks an assignment's value against its tag's definition. */
final class TagRules {
  private TagRules() {}

  /** Why {@code value} cannot be given with this tag, or null when it can. */
  static String valueProblem(TagDefinition tag, String value) {
    if (!tag.layered()) {
      return value == null || value.isBlank()
          ? null
          : "Tag '" + tag.code() + "' is a flag tag and takes no value.";
    }
    String allowed = tag.values().stream().map(TagValue::code).collect(Collectors.joining(", "));
    if (value == null || value.isBlank()) {
      return "Tag '" + tag.code() + "' is layered: give one of its values (" + allowed + ").";
    }
    if (tag.value(value).isEmpty()) {
      return "'"
          + value
          + "' is not a value of tag '"
          + tag.code()
          + "'; use one of "
          + allowed
          + ".";
    }
    return null;
  }
}
