package io.tagbase.taxonomy;

import java.util.List;
import java.util.UUID;

/** Unique codes and small definitions for taxonomy tests that share one database. */
final class TaxonomyFixtures {
  private TaxonomyFixtures() {}

  static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  static NewCategory category(String code, String parent) {
    return new NewCategory(code, parent, "分类" + code, "Category " + code, null);
  }

  static NewTag tag(String code, String category, TagStatus status) {
    return new NewTag(
        code,
        category,
        "标签",
        "Tag",
        "描述",
        "Description",
        null,
        status,
        "ops",
        null,
        null,
        null,
        30,
        null);
  }

  static NewTag layered(String code, String category, List<TagValue> values) {
    return new NewTag(
        code,
        category,
        "分层",
        "Layered",
        null,
        null,
        TagKind.RULE,
        TagStatus.ACTIVE,
        null,
        TagValueType.LAYERED,
        values,
        null,
        null,
        null);
  }

  static List<TagValue> stages() {
    return List.of(
        new TagValue("new", "新客", "New"),
        new TagValue("active", "活跃", "Active"),
        new TagValue("dormant", "沉睡", "Dormant"));
  }

  /** The update that renames {@code t} and keeps everything else. */
  static TagUpdate renamed(TagDefinition t, String categoryCode, String nameZh, String nameEn) {
    return new TagUpdate(
        null,
        categoryCode,
        nameZh,
        nameEn,
        t.descriptionZh(),
        t.descriptionEn(),
        t.kind(),
        t.owner(),
        null,
        null,
        t.refreshMode(),
        t.defaultTtlDays(),
        t.sensitivity(),
        null,
        null);
  }

  static TagUpdate withValues(TagDefinition t, String categoryCode, List<TagValue> values) {
    return new TagUpdate(
        null,
        categoryCode,
        t.nameZh(),
        t.nameEn(),
        t.descriptionZh(),
        t.descriptionEn(),
        t.kind(),
        t.owner(),
        null,
        values,
        t.refreshMode(),
        t.defaultTtlDays(),
        t.sensitivity(),
        null,
        null);
  }
}
