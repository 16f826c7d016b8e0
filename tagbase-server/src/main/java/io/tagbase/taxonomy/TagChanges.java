package io.tagbase.taxonomy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules for changing a stored definition: what may change, and how values may evolve. */
final class TagChanges {
  private TagChanges() {}

  /** The definition after {@code update}; throws a 400 naming the first rule it breaks. */
  static TagDefinition apply(TagDefinition current, TagUpdate update, long categoryId) {
    if (update.code() != null && !update.code().equals(current.code())) {
      throw Refusal.invalid("code", "tag.error.codeImmutable", current.code());
    }
    if (update.valueType() != null && update.valueType() != current.valueType()) {
      throw Refusal.invalid(
          "valueType", "tag.error.valueTypeImmutable", current.code(), current.valueType().name());
    }
    if (update.status() != null && update.status() != current.status()) {
      throw Refusal.invalid("status", "tag.error.statusEndpoint", current.code());
    }
    List<TagValue> values = update.values() == null ? current.values() : update.values();
    checkValues(current, values);
    return new TagDefinition(
        current.id(),
        current.code(),
        categoryId,
        update.nameZh().strip(),
        update.nameEn().strip(),
        blankToNull(update.descriptionZh()),
        blankToNull(update.descriptionEn()),
        update.kind() == null ? current.kind() : update.kind(),
        current.status(),
        blankToNull(update.owner()),
        current.valueType(),
        List.copyOf(values),
        update.refreshMode() == null ? current.refreshMode() : update.refreshMode(),
        update.defaultTtlDays(),
        update.sensitivity() == null ? current.sensitivity() : update.sensitivity(),
        current.version(),
        current.createdAt(),
        current.updatedAt());
  }

  static TagDefinition withStatus(TagDefinition t, TagStatus status) {
    return new TagDefinition(
        t.id(),
        t.code(),
        t.categoryId(),
        t.nameZh(),
        t.nameEn(),
        t.descriptionZh(),
        t.descriptionEn(),
        t.kind(),
        status,
        t.owner(),
        t.valueType(),
        t.values(),
        t.refreshMode(),
        t.defaultTtlDays(),
        t.sensitivity(),
        t.version(),
        t.createdAt(),
        t.updatedAt());
  }

  /**
   * A flag tag has no values; a layered tag keeps at least two distinct values and, in this
   * version, every value it had (values may be added, renamed and reordered, never removed).
   */
  private static void checkValues(TagDefinition current, List<TagValue> values) {
    if (current.valueType() == TagValueType.FLAG) {
      if (!values.isEmpty()) {
        throw Refusal.invalid("values", "tag.error.flagHasNoValues", current.code());
      }
      return;
    }
    if (values.size() < 2) {
      throw Refusal.invalid("values", "tag.error.tooFewValues");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      if (!seen.add(values.get(i).code())) {
        throw Refusal.invalid(
            "values[" + i + "].code", "tag.error.duplicateValue", values.get(i).code());
      }
    }
    List<String> removed =
        current.values().stream().map(TagValue::code).filter(c -> !seen.contains(c)).toList();
    if (!removed.isEmpty()) {
      throw Refusal.invalid("values", "tag.error.valueRemoved", String.join(", ", removed));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
