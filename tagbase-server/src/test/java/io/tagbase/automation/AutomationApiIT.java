package io.tagbase.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The automation, task, coupon and consent endpoints through the running app. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AutomationApiIT {
  @LocalServerPort int port;

  TestHttp http() {
    return TestHttp.withKey(port);
  }

  private String tag() {
    String category = AutomationFixture.unique("cat");
    http()
        .post(
            "/api/v1/tag-categories",
            "{\"code\":\"" + category + "\",\"nameZh\":\"分类\",\"nameEn\":\"Category\"}");
    String tag = AutomationFixture.unique("churn");
    var r =
        http()
            .post(
                "/api/v1/tags",
                "{\"code\":\""
                    + tag
                    + "\",\"categoryCode\":\""
                    + category
                    + "\",\"nameZh\":\"流失风险\",\"nameEn\":\"Churn risk\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return tag;
  }

  private String customer() {
    String id = AutomationFixture.unique("c");
    var r = http().post("/api/v1/customers", "{\"externalId\":\"" + id + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return id;
  }

  @Test
  void badWebhookUrlIsRefusedNamingTheField() {
    String tag = tag();
    var r =
        http()
            .post(
                "/api/v1/automations",
                "{\"code\":\"bad_url\",\"name\":\"x\",\"trigger\":{\"kind\":\"TAG_ENTER\",\"target\":\""
                    + tag
                    + "\"},\"actions\":[{\"kind\":\"WEBHOOK\",\"url\":\"ftp://x\",\"secret\":\"12345678\"}]}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).contains("application/problem+json");
    assertThat(r.body()).contains("actions[0].url");
    assertThat(http().get("/api/v1/automations/bad_url").status()).isEqualTo(404);
  }

  @Test
  void automationIsCreatedReadWithItsSecretMaskedAndTestedForOneCustomer() {
    String tag = tag();
    String c = customer();
    String body =
        "{\"code\":\"churn_hook\",\"name\":\"流失回访\",\"trigger\":{\"kind\":\"TAG_ENTER\",\"target\":\""
            + tag
            + "\"},\"purpose\":\"marketing_sms\",\"actions\":[{\"kind\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"super-secret\"}]}";
    assertThat(http().post("/api/v1/automations", body).status()).isEqualTo(201);
    assertThat(http().post("/api/v1/automations", body).status()).isEqualTo(409);
    var read = http().get("/api/v1/automations/churn_hook");
    assertThat(read.body()).doesNotContain("super-secret").contains(AutomationService.MASK);

    var refuse =
        http()
            .put(
                "/api/v1/customers/" + c + "/consents",
                "{\"consents\":[{\"purpose\":\"marketing_sms\",\"status\":\"REFUSED\",\"source\":\"app\"}]}");
    assertThat(refuse.status()).as(refuse.body()).isEqualTo(200);
    var test = http().post("/api/v1/automations/churn_hook/test", "{\"customer\":\"" + c + "\"}");
    assertThat(test.status()).as(test.body()).isEqualTo(200);
    assertThat(test.json().get("outcome").asText()).isEqualTo("SKIP");
    assertThat(test.json().get("reason").asText()).contains("refused marketing_sms");
    assertThat(test.json().get("actions").get(0).get("signature").asText()).startsWith("sha256=");
  }

  @Test
  void consentsAreReadAndBadStatusIsRefused() {
    String c = customer();
    var bad =
        http()
            .put(
                "/api/v1/customers/" + c + "/consents",
                "{\"consents\":[{\"purpose\":\"wecom\",\"status\":\"maybe\"}]}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("consents[0].status");
    assertThat(http().get("/api/v1/customers/" + c + "/consents").json().get("consents").size())
        .isZero();
    assertThat(http().get("/api/v1/customers/nobody_here/consents").status()).isEqualTo(404);
  }

  @Test
  void couponBatchImportIsAllOrNothing() {
    assertThat(http().post("/api/v1/coupons", "{\"code\":\"api_batch\",\"name\":\"券\"}").status())
        .isEqualTo(201);
    var bad =
        http().post("/api/v1/coupons/api_batch/codes", "{\"codes\":[\"GOOD-0001\",\"bad code!\"]}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("codes[1]");
    assertThat(http().get("/api/v1/coupons/api_batch").json().get("total").asLong()).isZero();
    var gen = http().post("/api/v1/coupons/api_batch/generate", "{\"count\":25,\"prefix\":\"wb\"}");
    assertThat(gen.json().get("total").asLong()).isEqualTo(25);
  }

  @Test
  void taskListAnswersForTheCaller() {
    var r = http().get("/api/v1/tasks?view=today");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(http().get("/api/v1/tasks?view=someday").status()).isEqualTo(400);
  }
}
