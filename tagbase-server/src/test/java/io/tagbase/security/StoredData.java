package io.tagbase.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of everything stored: per table (read from the database metadata), a hash of all
 * its rows. Two equal fingerprints mean no row was added, changed or removed. The audit log, which
 * records refused attempts on purpose, is left out.
 */
final class StoredData {
  private static final Set<String> LEFT_OUT = Set.of("audit_log", "scheduled_tasks");

  private StoredData() {}

  static Map<String, String> fingerprint(DataSource dataSource, JdbcClient jdbc) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", null)) {
      while (rs.next()) {
        String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
        String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (type.contains("TABLE") && !type.contains("SYSTEM") && !LEFT_OUT.contains(table)) {
          tables.add(table);
        }
      }
    }
    Map<String, String> prints = new TreeMap<>();
    for (String table : tables) {
      List<String> rows =
          jdbc.sql("select * from " + table)
              .query(
                  (rs, n) -> {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                      row.append(rs.getString(i)).append('\u0001');
                    }
                    return row.toString();
                  })
              .list();
      prints.put(table, rows.size() + ":" + rows.stream().sorted().toList().hashCode());
    }
    if (prints.size() < 10) {
      throw new IllegalStateException("too few tables found: " + prints.keySet());
    }
    return prints;
  }
}
