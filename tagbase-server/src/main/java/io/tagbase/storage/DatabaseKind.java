package io.tagbase.storage;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Which database the server runs on, for the few statements written differently on PostgreSQL
 * (where a faster form exists) than on H2. Read once from the connection's metadata.
 */
@Component
public class DatabaseKind {
  private final boolean postgres;

  DatabaseKind(DataSource data) throws Exception {
    String product =
        JdbcUtils.extractDatabaseMetaData(data, DatabaseMetaData::getDatabaseProductName);
    this.postgres =
        product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
  }

  /** Whether the database is PostgreSQL (otherwise H2). */
  public boolean postgres() {
    return postgres;
  }
}
