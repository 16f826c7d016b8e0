package io.tagbase.privacy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Deletes a customer's rows from every table, found from the database's own metadata so a table
 * added later is covered without a change here: every column with a foreign key to {@code
 * customer}, every column named {@code customer_id}, and every column named like {@code
 * *external_id} outside {@code customer} itself. Then the row in {@code customer}.
 */
@Repository
class JdbcErasureRepository {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  /** Never touched: the append-only audit log (pseudonymised instead) and migration history. */
  private static final Set<String> KEPT = Set.of("audit_log", "flyway_schema_history");

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  JdbcErasureRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  record Target(String table, String column, boolean byExternalId) {}

  Optional<Long> idOf(String externalId) {
    return jdbc.sql("select id from customer where external_id = :id")
        .param("id", externalId)
        .query(Long.class)
        .optional();
  }

  boolean ownerMatches(String externalId, String owner) {
    return jdbc.sql("select count(*) from customer where external_id = :id and owner = :o")
            .param("id", externalId)
            .param("o", owner)
            .query(Long.class)
            .single()
        > 0;
  }

  /** External id, phone, e-mail and every identity value the customer is known by. */
  Set<String> identifiers(long id) {
    Set<String> values = new LinkedHashSet<>();
    jdbc.sql("select external_id, phone, email from customer where id = :id")
        .param("id", id)
        .query(
            rs -> {
              for (int i = 1; i <= 3; i++) {
                if (rs.getString(i) != null && !rs.getString(i).isBlank()) {
                  values.add(rs.getString(i));
                }
              }
            });
    values.addAll(
        jdbc.sql("select id_value from customer_identity where customer_id = :id")
            .param("id", id)
            .query(String.class)
            .list());
    return values;
  }

  /** Where a customer's rows are, from the metadata. Cost: a few metadata reads. */
  List<Target> targets() {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      DatabaseMetaData meta = connection.getMetaData();
      String schema = connection.getSchema();
      Map<String, Target> found = new LinkedHashMap<>();
      try (ResultSet fks = meta.getExportedKeys(null, schema, "customer")) {
        while (fks.next()) {
          String table = fks.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT);
          String column = fks.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
          found.put(table + "." + column, new Target(table, column, false));
        }
      }
      try (ResultSet columns = meta.getColumns(null, schema, "%", "%")) {
        while (columns.next()) {
          String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
          if (table.equals("customer")) {
            continue;
          }
          if (column.equals("customer_id")) {
            found.putIfAbsent(table + "." + column, new Target(table, column, false));
          } else if (column.endsWith("external_id")) {
            found.putIfAbsent(table + "." + column, new Target(table, column, true));
          }
        }
      }
      return found.values().stream()
          .filter(t -> !KEPT.contains(t.table()))
          .filter(t -> NAME.matcher(t.table()).matches() && NAME.matcher(t.column()).matches())
          .toList();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database metadata", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /**
   * Deletes the customer's rows everywhere and the customer; returns rows deleted per table. Table
   * and column names come from the metadata and are checked against a strict pattern before they
   * are put in SQL; values are always bound parameters.
   */
  Map<String, Integer> erase(long id, String externalId, Set<String> identifiers) {
    Map<String, Integer> deleted = new LinkedHashMap<>();
    for (Target t : targets()) {
      int n =
          jdbc.sql("delete from " + t.table() + " where " + t.column() + " = :v")
              .param("v", t.byExternalId() ? externalId : (Object) id)
              .update();
      if (n > 0) {
        deleted.merge(t.table(), n, Integer::sum);
      }
    }
    if (!identifiers.isEmpty()) {
      // Reports of bulk jobs name the rows they refused by the identifier given.
      int n =
          jdbc.sql("delete from job_row_error where item in (:ids)")
              .param("ids", List.copyOf(identifiers))
              .update();
      if (n > 0) {
        deleted.merge("job_row_error", n, Integer::sum);
      }
    }
    deleted.put(
        "customer", jdbc.sql("delete from customer where id = :id").param("id", id).update());
    return deleted;
  }

  /**
   * Replaces the erased customer's external id in earlier audit records by its pseudonym: the trail
   * stays linked, the identifier is gone. The one change ever made to the audit log.
   */
  int pseudonymiseAudit(String externalId, String pseudonym) {
    return jdbc.sql(
            "update audit_log set target_id = :p where target_type = 'customer' and target_id = :id")
        .param("p", pseudonym)
        .param("id", externalId)
        .update();
  }
}
