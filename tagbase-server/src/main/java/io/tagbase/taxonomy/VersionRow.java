package io.tagbase.taxonomy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A version of a tag definition as the detail page lists it: who, when, and which fields changed
 * since the version before (found by comparing the two JSON snapshots).
 *
 * @param fields the names of the changed fields, as in {@link TagDefinition}
 */
record VersionRow(
    int version,
    String change,
    String changedBy,
    Instant changedAt,
    List<String> fields,
    String statusBefore,
    String statusAfter) {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt", "updatedAt");

  /** Rows for {@code versions} given newest first, as the repository returns them. */
  static List<VersionRow> of(List<TagVersion> versions) {
    List<VersionRow> rows = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      TagVersion v = versions.get(i);
      JsonNode after = JSON.readTree(v.definition());
      JsonNode before =
          i + 1 < versions.size() ? JSON.readTree(versions.get(i + 1).definition()) : null;
      List<String> fields = new ArrayList<>();
      if (before != null) {
        for (String name : after.propertyNames()) {
          if (!BOOKKEEPING.contains(name) && !after.get(name).equals(before.get(name))) {
            fields.add(name);
          }
        }
      }
      rows.add(
          new VersionRow(
              v.version(),
              v.change(),
              v.changedBy(),
              v.changedAt(),
              fields,
              before == null ? null : before.path("status").asString(),
              after.path("status").asString()));
    }
    return rows;
  }
}
