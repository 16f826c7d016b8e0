package io.tagbase.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportTemplateRepository {
  private final JdbcClient jdbc;

  ImportTemplateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the template of this name, or adds it. */
  void save(String name, ImportKind kind, String mapping, String actor, Instant now) {
    jdbc.sql("delete from import_template where name = :name").param("name", name).update();
    jdbc.sql(
            "insert into import_template (name, kind, mapping, created_by, created_at)"
                + " values (:name, :kind, :mapping, :actor, :now)")
        .param("name", name)
        .param("kind", kind.name())
        .param("mapping", mapping)
        .param("actor", actor)
        .param("now", Timestamp.from(now))
        .update();
  }

  Optional<String> mapping(String name) {
    return jdbc.sql("select mapping from import_template where name = :name")
        .param("name", name)
        .query(String.class)
        .optional();
  }

  /** Template names of a kind (all kinds when null), by name. */
  List<String> names(ImportKind kind) {
    if (kind == null) {
      return jdbc.sql("select name from import_template order by name").query(String.class).list();
    }
    return jdbc.sql("select name from import_template where kind = :kind order by name")
        .param("kind", kind.name())
        .query(String.class)
        .list();
  }
}
