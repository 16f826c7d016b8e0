package io.tagbase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The REST API through the real app on a random port: security, errors, and the happy paths. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiIT {
  @LocalServerPort int port;
  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.withKey(port);
  }

  @Test
  void requestWithoutApiKeyGets401ProblemDetails() {
    var response = TestHttp.anonymous(port).get("/api/v1/customers");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asString()).contains("X-Api-Key");
  }

  @Test
  void requestWithWrongApiKeyGets401() {
    var response = new TestHttp(port, "not-a-key").get("/api/v1/tags");
    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void bearerTokenIsAcceptedAsApiKey() {
    var client = java.net.http.HttpClient.newHttpClient();
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/tags"))
            .header("Authorization", "Bearer " + TestHttp.API_KEY)
            .build();
    int status =
        client
            .sendAsync(request, java.net.http.HttpResponse.BodyHandlers.discarding())
            .join()
            .statusCode();
    assertThat(status).isEqualTo(200);
  }

  @Test
  void healthIsOpenButMetricsNeedAKey() {
    assertThat(TestHttp.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    assertThat(TestHttp.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
    var metrics = api.get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void consoleRedirectsAnonymousVisitorsToLogin() {
    var response = TestHttp.anonymous(port).get("/tags");
    assertThat(response.status()).isEqualTo(302);
  }

  @Test
  void openApiDescribesTheApiAsVersion31() {
    var docs = api.get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("openapi").asString()).startsWith("3.1");
    assertThat(docs.json().get("paths").has("/api/v1/segments/count")).isTrue();
  }

  @Test
  void invalidCustomerIsRefusedNamingEveryFieldAtFault() {
    var response = api.post("/api/v1/customers", "{\"externalId\":\"a b\",\"age\":200}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("externalId", "age");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.tagbase");
  }

  @Test
  void wrongJsonTypeNamesTheField() {
    var response = api.post("/api/v1/customers", "{\"externalId\":\"x1\",\"age\":\"old\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("age");
  }

  @Test
  void malformedJsonIs400() {
    var response = api.post("/api/v1/customers", "{bad");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("title").asString()).isEqualTo("Malformed request body");
  }

  @Test
  void unknownCustomerIs404ProblemDetails() {
    var response = api.get("/api/v1/customers/nobody-here");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("detail").asString()).contains("nobody-here");
  }

  @Test
  void postingAKnownCustomerUpdatesIt() {
    assertThat(api.post("/api/v1/customers", "{\"externalId\":\"dup-1\",\"city\":\"上海\"}").status())
        .isEqualTo(201);
    var again = api.post("/api/v1/customers", "{\"externalId\":\"dup-1\",\"age\":41}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("city").asString()).isEqualTo("上海");
    assertThat(again.json().get("age").asInt()).isEqualTo(41);
  }

  @Test
  void tagWithBadCodeIsRefusedNamingTheCode() {
    api.post(
        "/api/v1/tag-categories", "{\"code\":\"cat_bad\",\"nameZh\":\"分类\",\"nameEn\":\"Cat\"}");
    var response =
        api.post(
            "/api/v1/tags",
            "{\"code\":\"Bad Code\",\"categoryCode\":\"cat_bad\",\"nameZh\":\"坏\",\"nameEn\":\"Bad\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
  }

  @Test
  void tagInUnknownCategoryIsRefused() {
    var response =
        api.post(
            "/api/v1/tags",
            "{\"code\":\"orphan\",\"categoryCode\":\"nope\",\"nameZh\":\"孤\",\"nameEn\":\"Orphan\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asString())
        .isEqualTo("categoryCode");
  }

  @Test
  void assignedTagIsCountedBySegmentAndListedOnCustomer() {
    api.post("/api/v1/tag-categories", "{\"code\":\"cat_a\",\"nameZh\":\"甲\",\"nameEn\":\"A\"}");
    api.post(
        "/api/v1/tags",
        "{\"code\":\"gold\",\"categoryCode\":\"cat_a\",\"nameZh\":\"金卡\",\"nameEn\":\"Gold\"}");
    api.post(
        "/api/v1/tags",
        "{\"code\":\"silver\",\"categoryCode\":\"cat_a\",\"nameZh\":\"银卡\",\"nameEn\":\"Silver\"}");
    for (String id : new String[] {"seg-1", "seg-2", "seg-3"}) {
      api.post("/api/v1/customers", "{\"externalId\":\"" + id + "\",\"displayName\":\"客户\"}");
    }
    assertThat(api.put("/api/v1/customers/seg-1/tags/gold").status()).isEqualTo(201);
    assertThat(api.put("/api/v1/customers/seg-1/tags/gold").status()).isEqualTo(200);
    api.put("/api/v1/customers/seg-2/tags/gold");
    api.put("/api/v1/customers/seg-2/tags/silver");

    var goldNotSilver =
        api.post(
            "/api/v1/segments/preview",
            "{\"condition\":{\"and\":[{\"tag\":\"gold\"},{\"not\":{\"tag\":\"silver\"}}]}}");
    assertThat(goldNotSilver.status()).isEqualTo(200);
    assertThat(goldNotSilver.json().get("count").asLong()).isEqualTo(1);
    assertThat(goldNotSilver.json().get("customers").get(0).get("externalId").asString())
        .isEqualTo("seg-1");
    var tags = api.get("/api/v1/customers/seg-2/tags").json();
    assertThat(tags.findValuesAsString("code")).containsExactly("gold", "silver");
    assertThat(tags.get(0).get("source").asString()).isEqualTo("API");

    assertThat(api.delete("/api/v1/customers/seg-2/tags/gold").status()).isEqualTo(204);
    assertThat(api.delete("/api/v1/customers/seg-2/tags/gold").status()).isEqualTo(404);
    var members = api.get("/api/v1/tags/gold/members").json();
    assertThat(members.get("total").asLong()).isEqualTo(1);
  }

  @Test
  void segmentWithUnknownTagNamesThePath() {
    var response =
        api.post(
            "/api/v1/segments/count", "{\"condition\":{\"or\":[{\"tag\":\"no_such_tag_here\"}]}}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asString())
        .isEqualTo("condition.or[0].tag");
  }

  @Test
  void segmentWithUnknownOperatorIsRefused() {
    var response = api.post("/api/v1/segments/count", "{\"condition\":{\"xor\":[]}}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString()).contains("xor");
  }

  @Test
  void previewLimitOutOfRangeIsRefused() {
    var response =
        api.post(
            "/api/v1/segments/preview",
            "{\"condition\":{\"not\":{\"and\":[{\"or\":[{\"tag\":\"x\"}]}]}},\"limit\":0}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
  }
}
