package io.tagbase.taxonomy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A stored tag definition. {@code code} is immutable and is how rules and the API refer to it.
 *
 * @param values the ordered values of a layered tag; empty for a flag tag
 * @param defaultTtlDays how long an assignment lasts unless given its own expiry; null for ever
 * @param version increases with every change to the definition
 */
public record TagDefinition(
    long id,
    String code,
    long categoryId,
    String nameZh,
    String nameEn,
    String descriptionZh,
    String descriptionEn,
    TagKind kind,
    TagStatus status,
    String owner,
    TagValueType valueType,
    List<TagValue> values,
    RefreshMode refreshMode,
    Integer defaultTtlDays,
    Sensitivity sensitivity,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  public String name(Locale locale) {
    return Names.pick(locale, nameZh, nameEn);
  }

  public String description(Locale locale) {
    return Names.pick(locale, descriptionZh, descriptionEn);
  }

  public boolean layered() {
    return valueType == TagValueType.LAYERED;
  }

  public Optional<TagValue> value(String valueCode) {
    return values.stream().filter(v -> v.code().equals(valueCode)).findFirst();
  }
}
