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

  /** "Tag" or "Tag · Value"; one read of the tag definition. */
  public String label(String tagCode, String valueCode, Locale locale) {
    var tag = taxonomy.find(tagCode);
    String name = tag.map(t -> t.name(locale)).orElse(tagCode);
    if (valueCode == null) {
      return name;
    }
    String value = tag.flatMap(t -> t.value(valueCode)).map(v -> v.name(locale)).orElse(valueCode);
    return name + " · " + value;
  }
}
