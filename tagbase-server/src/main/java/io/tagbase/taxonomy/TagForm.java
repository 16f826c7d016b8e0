package io.tagbase.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The console's tag form, for creating and editing. Layered values are typed one per line as {@code
 * code, 中文名, English name}.
 */
record TagForm(
    String code,
    String categoryCode,
    String nameZh,
    String nameEn,
    String descriptionZh,
    String descriptionEn,
    TagKind kind,
    TagStatus status,
    String owner,
    TagValueType valueType,
    String values,
    RefreshMode refreshMode,
    Integer defaultTtlDays,
    Sensitivity sensitivity,
    Integer expectedVersion) {

  NewTag toNewTag() {
    List<TagValue> parsed = valueType == TagValueType.LAYERED ? parseValues() : null;
    return new NewTag(
        trim(code),
        categoryCode,
        trim(nameZh),
        trim(nameEn),
        trim(descriptionZh),
        trim(descriptionEn),
        kind,
        status,
        trim(owner),
        valueType,
        parsed,
        refreshMode,
        defaultTtlDays,
        sensitivity);
  }

  TagUpdate toUpdate(TagDefinition current) {
    return new TagUpdate(
        current.code(),
        categoryCode,
        trim(nameZh),
        trim(nameEn),
        trim(descriptionZh),
        trim(descriptionEn),
        kind,
        trim(owner),
        current.valueType(),
        current.layered() ? parseValues() : List.of(),
        refreshMode,
        defaultTtlDays,
        sensitivity,
        null,
        expectedVersion);
  }

  /** The form filled in from a stored definition, for the edit page. */
  static TagForm of(TagDefinition t, String categoryCode) {
    String lines =
        t.values().stream()
            .map(v -> v.code() + ", " + v.nameZh() + ", " + v.nameEn())
            .collect(Collectors.joining("\n"));
    return new TagForm(
        t.code(),
        categoryCode,
        t.nameZh(),
        t.nameEn(),
        t.descriptionZh(),
        t.descriptionEn(),
        t.kind(),
        t.status(),
        t.owner(),
        t.valueType(),
        lines,
        t.refreshMode(),
        t.defaultTtlDays(),
        t.sensitivity(),
        t.version());
  }

  private List<TagValue> parseValues() {
    List<TagValue> parsed = new ArrayList<>();
    String[] lines = values == null ? new String[0] : values.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] parts = lines[i].split("[,，|]", 3);
      if (parts.length < 3) {
        throw Refusal.invalid("values", "tag.error.valueLine", i + 1, lines[i].strip());
      }
      parsed.add(new TagValue(parts[0].strip(), parts[1].strip(), parts[2].strip()));
    }
    return parsed;
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
