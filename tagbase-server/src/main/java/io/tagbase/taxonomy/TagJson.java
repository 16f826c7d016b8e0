package io.tagbase.taxonomy;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The JSON snapshot of a definition kept with each version. */
final class TagJson {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private TagJson() {}

  static String write(TagDefinition tag) {
    return JSON.writeValueAsString(tag);
  }
}
