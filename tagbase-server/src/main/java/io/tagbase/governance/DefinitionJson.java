package io.tagbase.governance;

import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagUpdate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tag's editable fields as indented JSON (one field per line, so a line diff reads well), and
 * back as the {@link TagUpdate} that makes them. Which fields change a tag's meaning, and so need
 * approval on an active tag: category, names, kind, values, refresh mode, default TTL and
 * sensitivity. Descriptions and the owner are documentation and stewardship and change directly.
 */
final class DefinitionJson {
  static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** Fields that change directly, without approval. */
  static final Set<String> DIRECT = Set.of("descriptionZh", "descriptionEn", "owner");

  private DefinitionJson() {}

  static Map<String, Object> fields(TagDefinition t, String categoryCode) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", t.code());
    out.put("categoryCode", categoryCode);
    out.put("nameZh", t.nameZh());
    out.put("nameEn", t.nameEn());
    out.put("descriptionZh", t.descriptionZh());
    out.put("descriptionEn", t.descriptionEn());
    out.put("kind", t.kind());
    out.put("owner", t.owner());
    out.put("valueType", t.valueType());
    out.put("values", t.values());
    out.put("refreshMode", t.refreshMode());
    out.put("defaultTtlDays", t.defaultTtlDays());
    out.put("sensitivity", t.sensitivity());
    return out;
  }

  static String write(Map<String, Object> fields) {
    return JSON.writeValueAsString(fields);
  }

  /** Whether any field outside {@link #DIRECT} differs. */
  static boolean needsApproval(Map<String, Object> before, Map<String, Object> after) {
    for (String field : before.keySet()) {
      if (!DIRECT.contains(field)
          && !Objects.equals(
              JSON.valueToTree(before.get(field)), JSON.valueToTree(after.get(field)))) {
        return true;
      }
    }
    return false;
  }

  /** The update that makes the stored JSON, checked against {@code expectedVersion}. */
  static TagUpdate update(String json, Integer expectedVersion) {
    TagUpdate u = JSON.readValue(json, TagUpdate.class);
    return new TagUpdate(
        u.code(),
        u.categoryCode(),
        u.nameZh(),
        u.nameEn(),
        u.descriptionZh(),
        u.descriptionEn(),
        u.kind(),
        u.owner(),
        u.valueType(),
        u.values(),
        u.refreshMode(),
        u.defaultTtlDays(),
        u.sensitivity(),
        null,
        expectedVersion);
  }
}
