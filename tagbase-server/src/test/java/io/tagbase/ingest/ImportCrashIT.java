package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tagbase.TestHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 in the middle of an import: the app runs in a child JVM on PostgreSQL; after the kill,
 * every acknowledged (checkpointed) row is stored and no row is half-written, and after a restart
 * the import resumes by itself (no resume call) and stores exactly the file's rows once. The Excel
 * case runs the app in a heap (256 MB) that cannot hold its 200k-row sheet as a workbook.
 */
class ImportCrashIT {
  static final String KEY = "crash-test-key-0123456789";
  static final int ROWS = 120_000;

  @TempDir Path dir;
  Process app;

  @AfterEach
  void stop() throws InterruptedException {
    if (app != null) {
      app.destroyForcibly().waitFor();
    }
  }

  /**
   * The database outlives the killed process, as a production PostgreSQL does: embedded H2 lives
   * inside the process and writes commits out within half a second, so a hard kill may lose the
   * last acknowledged moments there (see docs/operations.md).
   */
  private String url;

  String dbUrl() {
    if (url == null) {
      url = io.tagbase.storage.PostgresTestDatabase.newDatabaseUrl();
    }
    return url;
  }

  TestHttp start(int port, String heap) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            heap,
            "-cp",
            System.getProperty("java.class.path"),
            "io.tagbase.TagbaseApplication",
            "--tagbase.import.chunk=1000",
            "--logging.level.root=WARN");
    builder
        .environment()
        .putAll(
            Map.of(
                "TAGBASE_PORT",
                String.valueOf(port),
                "TAGBASE_DB_URL",
                dbUrl(),
                "TAGBASE_DB_USER",
                "postgres",
                "TAGBASE_DB_PASSWORD",
                "postgres",
                "TAGBASE_BOOTSTRAP_API_KEY",
                KEY,
                "TAGBASE_ADMIN_PASSWORD",
                "crash-test-password",
                "TAGBASE_IMPORT_DIR",
                dir.resolve("imports").toString()));
    builder.redirectErrorStream(true).redirectOutput(dir.resolve("app-" + port + ".log").toFile());
    app = builder.start();
    TestHttp http = new TestHttp(port, KEY);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> http.get("/actuator/health").status() == 200);
    return http;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(dbUrl(), "postgres", "postgres");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void killDuringImportLosesNothingAcknowledgedAndTheRestartFinishesItExactlyOnce()
      throws Exception {
    byte[] file = ImportTestFiles.orders(90_000, ROWS).getBytes();
    killMidImportAndRestart(file, "big.csv", ROWS, "-Xmx512m");
  }

  @Test
  void aLargeExcelImportKilledMidwayFinishesByItselfInABoundedHeap() throws Exception {
    int rows = 200_000;
    Path xlsx = dir.resolve("orders.xlsx");
    ImportTestFiles.xlsxOrders(95_000, rows, xlsx);
    killMidImportAndRestart(Files.readAllBytes(xlsx), "orders.xlsx", rows, "-Xmx256m");
  }

  private void killMidImportAndRestart(byte[] file, String name, int rows, String heap)
      throws Exception {
    TestHttp first = start(freePort(), heap);
    var upload = first.postFile("/api/v1/imports", Map.of("kind", "events"), name, file);
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
    long id = upload.json().get("run").get("id").asLong();
    assertThat(upload.json().get("run").get("totalRows").asInt()).isEqualTo(rows);
    var started =
        first.post(
            "/api/v1/imports/" + id + "/run",
            "{\"mapping\":" + ImportTestFiles.ORDER_MAPPING + ",\"allOrNothing\":true}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);

    JsonNode[] seen = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                (seen[0] = first.get("/api/v1/imports/" + id).json()).get("committedRows").asInt()
                    > 0);
    app.destroyForcibly().waitFor();
    int acknowledged = seen[0].get("committedRows").asInt();
    assertThat(seen[0].get("status").asString()).isEqualTo("RUNNING");
    assertThat(acknowledged).isLessThan(rows);

    long stored = count("select count(*) from customer_event");
    assertThat(stored).isGreaterThanOrEqualTo(acknowledged).isLessThan(rows);
    assertThat(stored).isEqualTo(count("select committed_rows from import_run where id = " + id));
    assertThat(
            count(
                "select count(*) from customer_event where amount is null or order_id is null"
                    + " or properties is null or message_id is null"))
        .isZero();

    TestHttp api = start(freePort(), heap);
    JsonNode[] after = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                List.of("DONE", "INTERRUPTED", "REJECTED")
                    .contains(
                        (after[0] = api.get("/api/v1/imports/" + id).json())
                            .get("status")
                            .asString()));
    assertThat(after[0].get("status").asString()).as(after[0].toString()).isEqualTo("DONE");
    JsonNode job = api.get("/api/v1/jobs/" + after[0].get("jobId").asLong()).json();
    assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("createdBy").asString()).isEqualTo("system");
    app.destroy();
    app.waitFor();

    assertThat(count("select count(*) from customer_event")).isEqualTo(rows);
    assertThat(count("select count(distinct message_id) from customer_event")).isEqualTo(rows);
    assertThat(
            count(
                "select count(*) from import_run where status = 'DONE' and committed_rows = "
                    + rows))
        .isEqualTo(1);
    assertThat(Files.list(dir.resolve("imports")).toList()).isEqualTo(List.of());
  }
}
