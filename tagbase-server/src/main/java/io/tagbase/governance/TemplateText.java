package io.tagbase.governance;

import io.tagbase.rules.TagRule;
import io.tagbase.rules.TagTemplate;

/**
 * Template settings as change requests show and store them: indented JSON, one setting per line, so
 * a line diff reads well; the stored rule or template before a change with its program line.
 */
final class TemplateText {
  private TemplateText() {}

  /** The proposed settings as indented JSON ({@link TagTemplate#read} reads it back). */
  static String settings(TagTemplate template) {
    return DefinitionJson.JSON.writeValueAsString(
        DefinitionJson.JSON.readTree(TagTemplate.write(template)));
  }

  /** What a tag had before: its template with a program line, its rule text, or null. */
  static String of(TagRule stored) {
    if (stored == null) {
      return null;
    }
    if (stored.flag()) {
      return "rule: " + stored.text();
    }
    return "program: "
        + stored.program()
        + "\n"
        + settings(TagTemplate.read(stored.program(), stored.text()));
  }
}
