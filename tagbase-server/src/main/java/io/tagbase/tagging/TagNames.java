package io.tagbase.tagging;

import io.tagbase.taxonomy.TaxonomyService;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Display names of tags and tag values for console templates ({@code ${@tagNames.label(...)}});
 * falls back to the codes for a tag or value that no longer exists.
 */
@Component("tagNames")
public class TagNames {
  private final TaxonomyService taxonomy;

  TagNames(TaxonomyService taxonomy) {
    this.taxonomy = taxonomy;
  }

  public String value(String tagCode, String valueCode, Locale locale) {
    return taxonomy
        .find(tagCode)
        .flatMap(t -> t.value(valueCode))
        .map(v -> v.name(locale))
        .orElse(valueCode);
  }

  /** "Tag" or "Tag · Value". */
  public String label(String tagCode, String valueCode, Locale locale) {
    String tag = taxonomy.find(tagCode).map(t -> t.name(locale)).orElse(tagCode);
    return valueCode == null ? tag : tag + " · " + value(tagCode, valueCode, locale);
  }
}
