package io.tagbase.segment;

import java.time.Instant;
import java.util.Locale;

/**
 * A saved segment.
 *
 * @param condition the JSON condition tree, as plain JSON values (maps, lists, strings)
 * @param size members at the last evaluation (or in the snapshot)
 */
public record SegmentDefinition(
    long id,
    String code,
    String nameZh,
    String nameEn,
    String description,
    SegmentKind kind,
    Object condition,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant refreshedAt,
    long size) {

  public String name(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
  }

  /** The key of this segment's members in the membership index. */
  public String indexKey() {
    return SegmentKeys.of(code);
  }
}
