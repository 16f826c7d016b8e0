package io.tagbase.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The analytics API through the running app: JSON, CSV, settings, and problems naming fields. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnalyticsApiIT {
  @LocalServerPort int port;
  TestHttp http;

  @BeforeEach
  void tier() {
    http = TestHttp.withKey(port);
    http.post(
        "/api/v1/tag-categories",
        "{\"code\":\"value_api\",\"nameZh\":\"价值\",\"nameEn\":\"Value\"}");
    http.post(
        "/api/v1/tags",
        "{\"code\":\"tier_api\",\"categoryCode\":\"value_api\",\"nameZh\":\"等级\",\"nameEn\":\"Tier\","
            + "\"values\":[{\"code\":\"gold\",\"nameZh\":\"金\",\"nameEn\":\"Gold\"},"
            + "{\"code\":\"silver\",\"nameZh\":\"银\",\"nameEn\":\"Silver\"}]}");
    for (int i = 0; i < 3; i++) {
      http.post("/api/v1/customers", "{\"externalId\":\"api_c" + i + "\",\"displayName\":\"C\"}");
      http.put(
          "/api/v1/customers/api_c" + i + "/tags/tier_api",
          "{\"value\":\"" + (i == 0 ? "silver" : "gold") + "\"}");
    }
  }

  @Test
  void distributionAnswersJsonAndTheSameFiguresAsCsv() {
    TestHttp.Response json = http.get("/api/v1/analytics/tags/tier_api/distribution");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json().at("/rows/0/value").asString()).isEqualTo("gold");
    assertThat(json.json().at("/rows/0/customers").asLong()).isEqualTo(2);

    TestHttp.Response csv = http.get("/api/v1/analytics/tags/tier_api/distribution?format=csv");
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body())
        .contains("value,label,customers,share")
        .contains("gold,")
        .contains(",2,");
  }

  @Test
  void unknownTagIs404AndBadDateNamesTheField() {
    assertThat(http.get("/api/v1/analytics/tags/no_such/distribution").status()).isEqualTo(404);
    TestHttp.Response bad = http.get("/api/v1/analytics/tags/tier_api/flow?from=yesterday");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("from").contains("yyyy-MM-dd");
  }

  @Test
  void settingsAreSavedAndAFlagTagIsRefused() {
    TestHttp.Response saved =
        http.put(
            "/api/v1/analytics/settings",
            "{\"tierTag\":\"tier_api\",\"lifecycleTag\":null,\"conversionEvent\":\"purchase\"}");
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().at("/tierTag").asString()).isEqualTo("tier_api");
    assertThat(http.get("/api/v1/analytics/settings").json().at("/conversionEvent").asString())
        .isEqualTo("purchase");
    TestHttp.Response refused =
        http.put("/api/v1/analytics/settings", "{\"tierTag\":\"no_such_tag\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("tierTag");
  }

  @Test
  void snapshotThenTrendShowsTodaysSize() {
    assertThat(http.post("/api/v1/analytics/snapshots", "{}").status()).isEqualTo(200);
    TestHttp.Response trend = http.get("/api/v1/analytics/tags/tier_api/trend");
    assertThat(trend.json().at("/rows").size()).isGreaterThanOrEqualTo(2);
    assertThat(trend.body()).contains("\"key\":\"tier_api=gold\"");
  }

  @Test
  void withoutAKeyTheApiAnswers401() {
    assertThat(TestHttp.anonymous(port).get("/api/v1/analytics/rfm").status()).isEqualTo(401);
  }
}
