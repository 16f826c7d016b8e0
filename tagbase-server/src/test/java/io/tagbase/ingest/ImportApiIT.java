package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tagbase.TestHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** File imports through the running app: upload, preview, run, report, re-import, formats. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportApiIT {
  @LocalServerPort int port;
  TestHttp api;

  @DynamicPropertySource
  static void importDirectory(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("tagbase-imports");
    registry.add("tagbase.import.directory", dir::toString);
  }

  @BeforeEach
  void setUp() {
    api = TestHttp.withKey(port);
  }

  JsonNode upload(String kind, String name, byte[] file) {
    var response = api.postFile("/api/v1/imports", Map.of("kind", kind), name, file);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  JsonNode runAndWait(long importId, String mapping, boolean allOrNothing) {
    var started =
        api.post(
            "/api/v1/imports/" + importId + "/run",
            "{\"mapping\":" + mapping + ",\"allOrNothing\":" + allOrNothing + "}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    long job = started.json().get("id").asLong();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !api.get("/api/v1/jobs/" + job).json().get("status").asString().equals("RUNNING"));
    return api.get("/api/v1/jobs/" + job).json();
  }

  static String withBadRows(String csv) {
    return csv
        + "600001,SKU,Cup,2,2026-01-02 10:00:00,1.5,,China\n"
        + "600002,SKU,Cup,two,2026-01-02 10:00:00,1.5,zz1.0,China\n";
  }

  @Test
  void ordersImportValidRowsAndReportEachBadRowWithLineAndReason() {
    byte[] file = ImportTestFiles.gzip(withBadRows(ImportTestFiles.orders(1000, 10)).getBytes());
    JsonNode upload = upload("orders", "orders.csv.gz", file);
    long id = upload.get("run").get("id").asLong();
    assertThat(upload.get("run").get("totalRows").asInt()).isEqualTo(12);
    assertThat(upload.get("suggested").get("fields").get("amount").get("expression").asString())
        .isEqualTo("Quantity * UnitPrice");

    JsonNode job = runAndWait(id, ImportTestFiles.ORDER_MAPPING, false);

    assertThat(job.get("status").asString()).isEqualTo("PARTIAL");
    assertThat(job.get("succeeded").asInt()).isEqualTo(10);
    JsonNode errors = api.get("/api/v1/jobs/" + job.get("id").asLong() + "/errors").json();
    assertThat(errors.size()).isEqualTo(2);
    assertThat(errors.get(0).get("row").asInt()).isEqualTo(12);
    assertThat(errors.get(0).get("reason").asString())
        .isEqualTo("the customer (CustomerID) is empty");
    assertThat(errors.get(1).get("row").asInt()).isEqualTo(13);
    assertThat(errors.get(1).get("reason").asString()).contains("'two' in column Quantity");
    String report = api.get("/api/v1/jobs/" + job.get("id").asLong() + "/report.csv").body();
    assertThat(report).contains("row,item,reason").contains("\n12,").contains("\n13,");
    JsonNode events = api.get("/api/v1/customers/1000/events").json();
    assertThat(events.size()).isEqualTo(2);
    assertThat(events.get(0).get("amount").decimalValue()).isPositive();
    assertThat(api.get("/api/v1/imports/" + id).json().get("status").asString()).isEqualTo("DONE");
  }

  @Test
  void reimportingTheSameFileStoresNothingTwice() {
    byte[] file = ImportTestFiles.orders(2000, 9).getBytes();
    long first = upload("events", "a.csv", file).get("run").get("id").asLong();
    assertThat(runAndWait(first, ImportTestFiles.ORDER_MAPPING, true).get("message").asString())
        .contains("9 stored, 0 already stored");
    long second = upload("events", "a-copy.csv", file).get("run").get("id").asLong();
    JsonNode job = runAndWait(second, ImportTestFiles.ORDER_MAPPING, true);
    assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("message").asString()).contains("0 stored, 9 already stored");
    assertThat(api.get("/api/v1/customers/2001/events").json().size()).isEqualTo(2);
  }

  @Test
  void allOrNothingAppliesNothingWhenOneRowIsBad() {
    byte[] file = withBadRows(ImportTestFiles.orders(3000, 5)).getBytes();
    long id = upload("events", "strict.csv", file).get("run").get("id").asLong();
    JsonNode job = runAndWait(id, ImportTestFiles.ORDER_MAPPING, true);
    assertThat(job.get("status").asString()).isEqualTo("FAILED");
    assertThat(job.get("failed").asInt()).isEqualTo(2);
    assertThat(api.get("/api/v1/customers/3000").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/imports/" + id).json().get("status").asString())
        .isEqualTo("REJECTED");
  }

  @Test
  void previewShowsTheFirstRowsWithErrorsAndWritesNothing() {
    byte[] file = withBadRows(ImportTestFiles.orders(4000, 2)).getBytes();
    long id = upload("events", "peek.csv", file).get("run").get("id").asLong();
    var preview = api.post("/api/v1/imports/" + id + "/preview", ImportTestFiles.ORDER_MAPPING);
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    JsonNode rows = preview.json().get("rows");
    assertThat(rows.size()).isEqualTo(4);
    assertThat(rows.get(0).get("values").get("amount").asString()).isEqualTo("2.50");
    assertThat(rows.get(2).get("line").asInt()).isEqualTo(4);
    assertThat(rows.get(2).get("error").asString()).contains("customer");
    assertThat(preview.json().get("invalid").asInt()).isEqualTo(2);
    assertThat(api.get("/api/v1/customers/4000").status()).isEqualTo(404);
  }

  @Test
  void mappingToAMissingColumnIs400NamingTheField() {
    long id =
        upload("events", "m.csv", ImportTestFiles.orders(5000, 1).getBytes())
            .get("run")
            .get("id")
            .asLong();
    var response =
        api.post(
            "/api/v1/imports/" + id + "/preview",
            ImportTestFiles.ORDER_MAPPING.replace("Quantity * UnitPrice", "Qty * UnitPrice"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body()).contains("mapping.fields.amount").contains("no column 'Qty'");
  }

  @Test
  void gbkSemicolonCustomerFileIsReadAndMappedByItsChineseHeader() {
    String csv = "客户编号;姓名;城市;性别\nG001;张伟;上海;男\nG002;李娜;北京;女\n";
    JsonNode upload = upload("customers", "客户.csv", ImportTestFiles.text(csv, "GBK"));
    assertThat(upload.get("run").get("format").asString()).isEqualTo("csv;GBK;;");
    JsonNode suggested = upload.get("suggested");
    assertThat(suggested.get("fields").get("displayName").get("column").asString()).isEqualTo("姓名");
    JsonNode job = runAndWait(upload.get("run").get("id").asLong(), suggested.toString(), true);
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    JsonNode customer = api.get("/api/v1/customers/G002").json();
    assertThat(customer.get("displayName").asString()).isEqualTo("李娜");
    assertThat(customer.get("city").asString()).isEqualTo("北京");
    assertThat(customer.get("gender").asString()).isEqualTo("female");
  }

  @Test
  void excelCustomerFileImportsWithATemplate() {
    byte[] xlsx =
        ImportTestFiles.xlsx(
            List.of(
                List.of("会员编号", "Mobile", "Age"),
                List.of("X001", "13800138001", 31),
                List.of("X002", "13800138002", 42)));
    long id = upload("customers", "members.xlsx", xlsx).get("run").get("id").asLong();
    var saved =
        api.put(
            "/api/v1/imports/templates/members",
            "{\"kind\":\"customers\",\"fields\":{\"externalId\":{\"column\":\"会员编号\"},"
                + "\"phone\":{\"column\":\"Mobile\"},\"age\":{\"column\":\"Age\"},"
                + "\"channel\":{\"constant\":\"store\"}}}");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(api.get("/api/v1/imports/templates?kind=customers").json().toString())
        .contains("members");
    var started = api.post("/api/v1/imports/" + id + "/run", "{\"template\":\"members\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    long job = started.json().get("id").asLong();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.get("/api/v1/jobs/" + job).json().get("status").asString().equals("SUCCEEDED"));
    JsonNode customer = api.get("/api/v1/customers/X002").json();
    assertThat(customer.get("age").asInt()).isEqualTo(42);
    assertThat(customer.get("channel").asString()).isEqualTo("store");
    assertThat(customer.get("phone").asString()).isEqualTo("13800138002");
  }

  @Test
  void uploadWithoutAFileIs400() {
    var response =
        api.postFile("/api/v1/imports", Map.of("kind", "events"), "empty.csv", new byte[0]);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("file");
  }
}
