package io.tagbase.taxonomy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTaxonomyRepository {
  private static final String TAG_COLUMNS =
      "id, code, category_id, name_zh, name_en, description_zh, description_en, kind, status,"
          + " created_at, updated_at";

  private final JdbcClient jdbc;

  JdbcTaxonomyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<TagCategory> categories() {
    return jdbc.sql(
            "select id, parent_id, code, name_zh, name_en, sort_order from tag_category"
                + " order by sort_order, id")
        .query(JdbcTaxonomyRepository::mapCategory)
        .list();
  }

  Optional<TagCategory> category(String code) {
    return jdbc.sql(
            "select id, parent_id, code, name_zh, name_en, sort_order from tag_category"
                + " where code = :code")
        .param("code", code)
        .query(JdbcTaxonomyRepository::mapCategory)
        .optional();
  }

  void insertCategory(NewCategory c, Long parentId, int sortOrder) {
    jdbc.sql(
            "insert into tag_category (parent_id, code, name_zh, name_en, sort_order)"
                + " values (:parent, :code, :zh, :en, :sort)")
        .param("parent", parentId, Types.BIGINT)
        .param("code", c.code())
        .param("zh", c.nameZh())
        .param("en", c.nameEn())
        .param("sort", sortOrder)
        .update();
  }

  List<TagDefinition> tags() {
    return jdbc.sql("select " + TAG_COLUMNS + " from tag order by category_id, id")
        .query(JdbcTaxonomyRepository::mapTag)
        .list();
  }

  Optional<TagDefinition> tag(String code) {
    return jdbc.sql("select " + TAG_COLUMNS + " from tag where code = :code")
        .param("code", code)
        .query(JdbcTaxonomyRepository::mapTag)
        .optional();
  }

  void insertTag(NewTag t, long categoryId, TagKind kind, TagStatus status, Instant now) {
    jdbc.sql(
            "insert into tag (code, category_id, name_zh, name_en, description_zh, description_en,"
                + " kind, status, created_at, updated_at) values (:code, :category, :zh, :en,"
                + " :dzh, :den, :kind, :status, :now, :now)")
        .param("code", t.code())
        .param("category", categoryId)
        .param("zh", t.nameZh())
        .param("en", t.nameEn())
        .param("dzh", t.descriptionZh())
        .param("den", t.descriptionEn())
        .param("kind", kind.name())
        .param("status", status.name())
        .param("now", Timestamp.from(now))
        .update();
  }

  private static TagCategory mapCategory(ResultSet rs, int row) throws SQLException {
    return new TagCategory(
        rs.getLong("id"),
        rs.getObject("parent_id", Long.class),
        rs.getString("code"),
        rs.getString("name_zh"),
        rs.getString("name_en"),
        rs.getInt("sort_order"));
  }

  private static TagDefinition mapTag(ResultSet rs, int row) throws SQLException {
    return new TagDefinition(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getLong("category_id"),
        rs.getString("name_zh"),
        rs.getString("name_en"),
        rs.getString("description_zh"),
        rs.getString("description_en"),
        TagKind.valueOf(rs.getString("kind")),
        TagStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
