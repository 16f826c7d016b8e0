package io.tagbase.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import io.tagbase.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Rule tags over REST: what each endpoint refuses, and one save-evaluate-explain round. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RuleApiIT {
  @LocalServerPort int port;
  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.withKey(port);
    if (api.get("/api/v1/tags/rule_api_tag").status() == 404) {
      api.post(
          "/api/v1/tag-categories",
          "{\"code\":\"rule_api\",\"nameZh\":\"规则\",\"nameEn\":\"Rule\"}");
      api.post(
          "/api/v1/tags",
          "{\"code\":\"rule_api_tag\",\"categoryCode\":\"rule_api\",\"nameZh\":\"上海客户\","
              + "\"nameEn\":\"Shanghai\",\"kind\":\"RULE\"}");
      api.post(
          "/api/v1/tags",
          "{\"code\":\"rule_api_manual\",\"categoryCode\":\"rule_api\",\"nameZh\":\"手工\","
              + "\"nameEn\":\"Manual\"}");
      api.post(
          "/api/v1/customers",
          "{\"externalId\":\"rule-api-1\",\"displayName\":\"甲\",\"city\":\"上海\"}");
      api.post(
          "/api/v1/customers",
          "{\"externalId\":\"rule-api-2\",\"displayName\":\"乙\",\"city\":\"北京\"}");
    }
  }

  @Test
  void checkListsEveryErrorWithLineColumnAndSuggestion() {
    Response r = api.post("/api/v1/rules/check", "{\"text\":\"ctiy = 1 and agee > 3\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode errors = r.json().get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("line").asInt()).isEqualTo(1);
    assertThat(errors.get(0).get("column").asInt()).isEqualTo(1);
    assertThat(errors.get(0).get("suggestion").asString()).contains("city");
    assertThat(errors.get(1).get("column").asInt()).isEqualTo(14);
  }

  @Test
  void checkAcceptsAChineseRuleAndGivesItsCanonicalText() {
    Response r = api.post("/api/v1/rules/check", "{\"text\":\"城市 属于 (上海, 北京)\"}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("canonical").asString()).startsWith("city in (");
  }

  @Test
  void savingARuleOnAManualTagIsAConflict() {
    assertThat(api.put("/api/v1/tags/rule_api_manual/rule", "{\"text\":\"age > 1\"}").status())
        .isEqualTo(409);
  }

  @Test
  void savingARuleOnAnUnknownTagIsNotFound() {
    assertThat(api.put("/api/v1/tags/no_such_tag/rule", "{\"text\":\"age > 1\"}").status())
        .isEqualTo(404);
  }

  @Test
  void savingAnEmptyOrBrokenRuleIsABadRequest() {
    assertThat(api.put("/api/v1/tags/rule_api_tag/rule", "{\"text\":\"\"}").status())
        .isEqualTo(400);
    Response broken = api.put("/api/v1/tags/rule_api_tag/rule", "{\"text\":\"city = (\"}");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().get("errors").get(0).get("line").asInt()).isEqualTo(1);
  }

  @Test
  void dryRunRefusesABadDateAndCountsADraft() {
    assertThat(
            api.post("/api/v1/rules/dry-run", "{\"text\":\"age > 1\",\"asOf\":\"yesterday\"}")
                .status())
        .isEqualTo(400);
    Response r =
        api.post("/api/v1/rules/dry-run", "{\"text\":\"城市 = 上海\",\"tag\":\"rule_api_tag\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("count").asLong()).isPositive();
    assertThat(r.json().get("sample").toString()).contains("rule-api-1");
  }

  @Test
  void savedRuleIsEvaluatedAndExplainedForACustomer() {
    Response saved = api.put("/api/v1/tags/rule_api_tag/rule", "{\"text\":\"城市 = 上海\"}");
    assertThat(saved.status()).isEqualTo(200);
    assertThat(api.get("/api/v1/tags/rule_api_tag/rule").json().get("text").asString())
        .isEqualTo("城市 = 上海");
    assertThat(api.post("/api/v1/tags/rule_api_tag/rule/evaluate", "{}").status()).isEqualTo(200);

    JsonNode why = api.get("/api/v1/tags/rule_api_tag/rule/explain?customer=rule-api-2").json();
    assertThat(why.get("held").asBoolean()).isFalse();
    assertThat(why.get("value").asString()).isEqualTo("北京");
    assertThat(api.get("/api/v1/tags/rule_api_tag/rule/explain?customer=nobody").status())
        .isEqualTo(404);
  }

  @Test
  void aTagWithoutARuleHasNone() {
    assertThat(api.get("/api/v1/tags/rule_api_manual/rule").status()).isEqualTo(404);
    assertThat(api.post("/api/v1/tags/rule_api_manual/rule/evaluate", "{}").status())
        .isEqualTo(404);
  }
}
