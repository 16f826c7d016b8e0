package io.tagbase.taxonomy;

import java.time.Instant;
import java.util.Locale;

/** A stored tag definition. {@code code} is immutable and is how rules and the API refer to it. */
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
    Instant createdAt,
    Instant updatedAt) {

  public String name(Locale locale) {
    return Names.pick(locale, nameZh, nameEn);
  }

  public String description(Locale locale) {
    return Names.pick(locale, descriptionZh, descriptionEn);
  }
}
