package io.tagbase.taxonomy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTaxonomyRepository {
  private static final String TAG_COLUMNS =
      "id, code, category_id, name_zh, name_en, description_zh, description_en, kind, status,"
          + " owner, value_type, refresh_mode, default_ttl_days, sensitivity, version, created_at,"
          + " updated_at";

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
    Map<Long, List<TagValue>> values = allValues();
    return jdbc.sql("select " + TAG_COLUMNS + " from tag order by category_id, id")
        .query((rs, n) -> mapTag(rs, values))
        .list();
  }

  Optional<TagDefinition> tag(String code) {
    return jdbc.sql("select " + TAG_COLUMNS + " from tag where code = :code")
        .param("code", code)
        .query((rs, n) -> mapTag(rs, null))
        .optional();
  }

  /** Inserts the definition (values included) with version 1; returns the new tag's id. */
  long insertTag(NewTag t, long categoryId, NewTagDefaults d, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into tag (code, category_id, name_zh, name_en, description_zh, description_en,"
                + " kind, status, owner, value_type, refresh_mode, default_ttl_days, sensitivity,"
                + " version, created_at, updated_at) values (:code, :category, :zh, :en, :dzh, :den,"
                + " :kind, :status, :owner, :valueType, :refresh, :ttl, :sensitivity, 1, :now, :now)")
        .param("code", t.code())
        .param("category", categoryId)
        .param("zh", t.nameZh())
        .param("en", t.nameEn())
        .param("dzh", t.descriptionZh())
        .param("den", t.descriptionEn())
        .param("kind", d.kind().name())
        .param("status", d.status().name())
        .param("owner", t.owner())
        .param("valueType", d.valueType().name())
        .param("refresh", d.refreshMode().name())
        .param("ttl", t.defaultTtlDays(), Types.INTEGER)
        .param("sensitivity", d.sensitivity().name())
        .param("now", Timestamp.from(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    replaceValues(id, t.values() == null ? List.of() : t.values());
    return id;
  }

  void replaceValues(long tagId, List<TagValue> values) {
    jdbc.sql("delete from tag_value where tag_id = :tag").param("tag", tagId).update();
    for (int i = 0; i < values.size(); i++) {
      TagValue v = values.get(i);
      jdbc.sql(
              "insert into tag_value (tag_id, code, name_zh, name_en, sort_order)"
                  + " values (:tag, :code, :zh, :en, :sort)")
          .param("tag", tagId)
          .param("code", v.code())
          .param("zh", v.nameZh())
          .param("en", v.nameEn())
          .param("sort", i)
          .update();
    }
  }

  List<TagValue> values(long tagId) {
    return jdbc.sql(
            "select code, name_zh, name_en from tag_value where tag_id = :tag order by sort_order")
        .param("tag", tagId)
        .query((rs, n) -> new TagValue(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  private Map<Long, List<TagValue>> allValues() {
    Map<Long, List<TagValue>> byTag = new HashMap<>();
    jdbc.sql("select tag_id, code, name_zh, name_en from tag_value order by tag_id, sort_order")
        .query(
            (rs, n) -> {
              byTag
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(new TagValue(rs.getString(2), rs.getString(3), rs.getString(4)));
              return null;
            })
        .list();
    return byTag;
  }

  void insertVersion(
      long tagId, int version, String change, String actor, String definition, Instant now) {
    jdbc.sql(
            "insert into tag_version (tag_id, version, change, changed_by, changed_at, definition)"
                + " values (:tag, :version, :change, :actor, :now, :definition)")
        .param("tag", tagId)
        .param("version", version)
        .param("change", change)
        .param("actor", actor)
        .param("now", Timestamp.from(now))
        .param("definition", definition)
        .update();
  }

  List<TagVersion> versions(long tagId) {
    return jdbc.sql(
            "select version, change, changed_by, changed_at, definition from tag_version"
                + " where tag_id = :tag order by version desc")
        .param("tag", tagId)
        .query(
            (rs, n) ->
                new TagVersion(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5)))
        .list();
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

  private TagDefinition mapTag(ResultSet rs, Map<Long, List<TagValue>> values) throws SQLException {
    long id = rs.getLong("id");
    TagValueType valueType = TagValueType.valueOf(rs.getString("value_type"));
    List<TagValue> tagValues =
        valueType == TagValueType.FLAG
            ? List.of()
            : values != null ? values.getOrDefault(id, List.of()) : values(id);
    return new TagDefinition(
        id,
        rs.getString("code"),
        rs.getLong("category_id"),
        rs.getString("name_zh"),
        rs.getString("name_en"),
        rs.getString("description_zh"),
        rs.getString("description_en"),
        TagKind.valueOf(rs.getString("kind")),
        TagStatus.valueOf(rs.getString("status")),
        rs.getString("owner"),
        valueType,
        List.copyOf(tagValues),
        RefreshMode.valueOf(rs.getString("refresh_mode")),
        rs.getObject("default_ttl_days", Integer.class),
        Sensitivity.valueOf(rs.getString("sensitivity")),
        rs.getInt("version"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
