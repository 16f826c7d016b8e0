package io.tagbase.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tagbase.TestHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Tagging through the REST API: values, members, history, bulk jobs from lists, files, segments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaggingApiIT {
  @LocalServerPort int port;
  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.withKey(port);
    if (api.get("/api/v1/tags/api_tier").status() == 404) {
      api.post(
          "/api/v1/tag-categories", "{\"code\":\"api_cat\",\"nameZh\":\"接口\",\"nameEn\":\"API\"}");
      api.post(
          "/api/v1/tags",
          "{\"code\":\"api_tier\",\"categoryCode\":\"api_cat\",\"nameZh\":\"等级\",\"nameEn\":\"Tier\","
              + "\"values\":[{\"code\":\"gold\",\"nameZh\":\"金\",\"nameEn\":\"Gold\"},"
              + "{\"code\":\"silver\",\"nameZh\":\"银\",\"nameEn\":\"Silver\"}]}");
      api.post(
          "/api/v1/tags",
          "{\"code\":\"api_flag\",\"categoryCode\":\"api_cat\",\"nameZh\":\"标记\",\"nameEn\":\"Flag\"}");
      for (int i = 1; i <= 5; i++) {
        api.post(
            "/api/v1/customers",
            "{\"externalId\":\"api-" + i + "\",\"displayName\":\"客户" + i + "\"}");
      }
    }
  }

  private JsonNode finished(JsonNode job) {
    long id = job.get("id").asLong();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> !api.get("/api/v1/jobs/" + id).json().get("status").asString().equals("RUNNING"));
    return api.get("/api/v1/jobs/" + id).json();
  }

  @Test
  void layeredValueIsSetAndItsMembersListed() {
    var put =
        api.put(
            "/api/v1/customers/api-1/tags/api_tier", "{\"value\":\"gold\",\"reason\":\"review\"}");
    assertThat(put.status()).isIn(200, 201);
    var gold = api.get("/api/v1/tags/api_tier/members?value=gold").json();
    assertThat(gold.get("externalIds").toString()).contains("api-1");
    var timeline = api.get("/api/v1/customers/api-1/tag-history").json();
    assertThat(timeline.get(0).get("reason").asString()).isEqualTo("review");
  }

  @Test
  void layeredTagWithoutValueIs400NamingValue() {
    var put = api.put("/api/v1/customers/api-2/tags/api_tier", "{}");
    assertThat(put.status()).isEqualTo(400);
    assertThat(put.json().get("errors").get(0).get("field").asString()).isEqualTo("value");
  }

  @Test
  void membersAtAnInstantComeFromHistory() {
    api.put("/api/v1/customers/api-3/tags/api_flag", null);
    var now = api.get("/api/v1/tags/api_flag/members?at=2999-01-01T00:00:00Z").json();
    assertThat(now.get("externalIds").toString()).contains("api-3");
    var before = api.get("/api/v1/tags/api_flag/members?at=2000-01-01T00:00:00Z").json();
    assertThat(before.get("total").asLong()).isZero();
    assertThat(api.get("/api/v1/tags/api_flag/members?at=yesterday").status()).isEqualTo(400);
  }

  @Test
  void bulkByIdsReportsBadRowsAndAppliesValidOnesWhenAsked() {
    var started =
        api.post(
            "/api/v1/tags/api_flag/members",
            "{\"customerIds\":[\"api-4\",\"nobody\",\"api-5\"],\"allOrNothing\":false}");
    assertThat(started.status()).isEqualTo(202);
    JsonNode job = finished(started.json());
    assertThat(job.get("status").asString()).isEqualTo("PARTIAL");
    assertThat(job.get("succeeded").asInt()).isEqualTo(2);
    var report = api.get("/api/v1/jobs/" + job.get("id").asLong() + "/report.csv");
    assertThat(report.body()).contains("2,\"nobody\"");
  }

  @Test
  void uploadedGbkCsvWithChineseHeaderIsApplied() {
    byte[] csv = "客户编号,标签值\napi-1,silver\napi-2,gold\n".getBytes(Charset.forName("GBK"));
    var started =
        api.postFile("/api/v1/tag-assignments/upload", Map.of("tag", "api_tier"), "tiers.csv", csv);
    assertThat(started.status()).isEqualTo(202);
    assertThat(finished(started.json()).get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(api.get("/api/v1/tags/api_tier/members?value=gold").body()).contains("api-2");
  }

  @Test
  void uploadedExcelFileIsApplied() throws IOException {
    var out = new ByteArrayOutputStream();
    try (var workbook = new XSSFWorkbook()) {
      var sheet = workbook.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("customer_id");
      sheet.getRow(0).createCell(1).setCellValue("tag");
      sheet.createRow(1).createCell(0).setCellValue("api-5");
      sheet.getRow(1).createCell(1).setCellValue("api_flag");
      workbook.write(out);
    }
    var started =
        api.postFile("/api/v1/tag-assignments/upload", Map.of(), "flags.xlsx", out.toByteArray());
    assertThat(finished(started.json()).get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(api.get("/api/v1/customers/api-5/tags").body()).contains("api_flag");
  }

  @Test
  void unreadableFileIsRefusedNamingTheFile() {
    var response =
        api.postFile(
            "/api/v1/tag-assignments/upload",
            Map.of("tag", "api_flag"),
            "x.xlsx",
            new byte[] {'P', 'K', 3, 4, 9, 9, 9});
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
  }

  @Test
  void segmentMembersCanBeTaggedInBulk() {
    api.put("/api/v1/customers/api-4/tags/api_tier", "{\"value\":\"silver\"}");
    var started =
        api.post(
            "/api/v1/segments/tag",
            "{\"condition\":{\"tag\":\"api_tier\",\"value\":\"silver\"},\"tag\":\"api_flag\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    assertThat(finished(started.json()).get("status").asString()).isEqualTo("SUCCEEDED");
    var both =
        api.post(
            "/api/v1/segments/count",
            "{\"condition\":{\"and\":[{\"tag\":\"api_tier\",\"value\":\"silver\"},{\"not\":{\"tag\":\"api_flag\"}}]}}");
    assertThat(both.json().get("count").asLong()).isZero();
  }

  @Test
  void unknownJobIs404() {
    assertThat(api.get("/api/v1/jobs/999999").status()).isEqualTo(404);
  }

  @Test
  void bulkWithNoIdsIsRefused() {
    var response = api.post("/api/v1/tags/api_flag/members", "{\"customerIds\":[]}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("customerIds");
  }
}
