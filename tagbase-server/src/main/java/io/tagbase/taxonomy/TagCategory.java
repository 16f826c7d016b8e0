package io.tagbase.taxonomy;

import java.util.Locale;

/** A node of the category tree; {@code parentId} is null for a top-level category. */
public record TagCategory(
    long id, Long parentId, String code, String nameZh, String nameEn, int sortOrder) {

  /** The name in the language of {@code locale}: Chinese unless the locale is English. */
  public String name(Locale locale) {
    return Names.pick(locale, nameZh, nameEn);
  }
}
