package io.tagbase.taxonomy;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes that change existing categories and tag definitions. */
@Repository
class JdbcTaxonomyEdits {
  private final JdbcClient jdbc;

  JdbcTaxonomyEdits(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The highest sort order among the children of {@code parentId} (top level when null); -1 if
   * none.
   */
  int maxSortOrder(Long parentId) {
    String where = parentId == null ? "parent_id is null" : "parent_id = :parent";
    var sql = jdbc.sql("select max(sort_order) from tag_category where " + where);
    if (parentId != null) {
      sql = sql.param("parent", parentId);
    }
    Integer max = sql.query(Integer.class).optional().orElse(null);
    return max == null ? -1 : max;
  }

  void updateCategory(long id, Long parentId, String nameZh, String nameEn, int sortOrder) {
    jdbc.sql(
            "update tag_category set parent_id = :parent, name_zh = :zh, name_en = :en,"
                + " sort_order = :sort where id = :id")
        .param("parent", parentId, Types.BIGINT)
        .param("zh", nameZh)
        .param("en", nameEn)
        .param("sort", sortOrder)
        .param("id", id)
        .update();
  }

  List<String> childCategoryCodes(long id) {
    return jdbc.sql("select code from tag_category where parent_id = :id order by sort_order, id")
        .param("id", id)
        .query(String.class)
        .list();
  }

  List<String> tagCodesIn(long categoryId) {
    return jdbc.sql("select code from tag where category_id = :id order by id")
        .param("id", categoryId)
        .query(String.class)
        .list();
  }

  void deleteCategory(long id) {
    jdbc.sql("delete from tag_category where id = :id").param("id", id).update();
  }

  /**
   * Stores the editable fields and status of {@code tag} as version {@code expectedVersion + 1},
   * only if the stored version is still {@code expectedVersion}; false when another writer came
   * first.
   */
  boolean updateTag(TagDefinition tag, int expectedVersion, Instant now) {
    int rows =
        jdbc.sql(
                "update tag set category_id = :category, name_zh = :zh, name_en = :en,"
                    + " description_zh = :dzh, description_en = :den, kind = :kind,"
                    + " status = :status, owner = :owner, refresh_mode = :refresh,"
                    + " default_ttl_days = :ttl, sensitivity = :sensitivity,"
                    + " version = :next, updated_at = :now where id = :id and version = :expected")
            .param("category", tag.categoryId())
            .param("zh", tag.nameZh())
            .param("en", tag.nameEn())
            .param("dzh", tag.descriptionZh(), Types.VARCHAR)
            .param("den", tag.descriptionEn(), Types.VARCHAR)
            .param("kind", tag.kind().name())
            .param("status", tag.status().name())
            .param("owner", tag.owner(), Types.VARCHAR)
            .param("refresh", tag.refreshMode().name())
            .param("ttl", tag.defaultTtlDays(), Types.INTEGER)
            .param("sensitivity", tag.sensitivity().name())
            .param("next", expectedVersion + 1)
            .param("now", Timestamp.from(now))
            .param("id", tag.id())
            .param("expected", expectedVersion)
            .update();
    return rows == 1;
  }

  /**
   * Renames and reorders the values already stored and adds the new ones; never deletes a value
   * (assignments refer to values by code).
   */
  void storeValues(long tagId, List<TagValue> stored, List<TagValue> values) {
    for (int i = 0; i < values.size(); i++) {
      TagValue v = values.get(i);
      String code = v.code();
      boolean exists = stored.stream().anyMatch(s -> s.code().equals(code));
      String sql =
          exists
              ? "update tag_value set name_zh = :zh, name_en = :en, sort_order = :sort"
                  + " where tag_id = :tag and code = :code"
              : "insert into tag_value (tag_id, code, name_zh, name_en, sort_order)"
                  + " values (:tag, :code, :zh, :en, :sort)";
      jdbc.sql(sql)
          .param("tag", tagId)
          .param("code", code)
          .param("zh", v.nameZh())
          .param("en", v.nameEn())
          .param("sort", i)
          .update();
    }
  }
}
