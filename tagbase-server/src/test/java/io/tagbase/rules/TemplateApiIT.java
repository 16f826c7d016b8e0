package io.tagbase.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Template tags over REST: a save-read-preview round, and what each endpoint refuses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TemplateApiIT {
  @LocalServerPort int port;
  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.withKey(port);
    if (api.get("/api/v1/tags/tpl_api_city").status() == 404) {
      api.post(
          "/api/v1/tag-categories",
          "{\"code\":\"tpl_api\",\"nameZh\":\"模板\",\"nameEn\":\"Templates\"}");
      api.post(
          "/api/v1/tags",
          "{\"code\":\"tpl_api_city\",\"categoryCode\":\"tpl_api\",\"nameZh\":\"城市层级\","
              + "\"nameEn\":\"City tier\",\"kind\":\"RULE\",\"valueType\":\"LAYERED\",\"values\":["
              + "{\"code\":\"sh\",\"nameZh\":\"上海\",\"nameEn\":\"Shanghai\"},"
              + "{\"code\":\"other\",\"nameZh\":\"其他\",\"nameEn\":\"Other\"}]}");
      api.post("/api/v1/customers", "{\"externalId\":\"tpl-api-1\",\"city\":\"上海\"}");
      api.post("/api/v1/customers", "{\"externalId\":\"tpl-api-2\",\"city\":\"北京\"}");
    }
  }

  private static final String LAYERED =
      "{\"branches\":[{\"value\":\"sh\",\"rule\":\"城市 = 上海\"}],\"elseValue\":\"other\"}";

  @Test
  void layeredTemplateIsSavedReadBackAndPreviewed() {
    var saved = api.put("/api/v1/tags/tpl_api_city/template/layered", LAYERED);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("tags").get(0).get("tag").asString()).isEqualTo("tpl_api_city");
    assertThat(api.get("/api/v1/customers/tpl-api-1/tags").body()).contains("\"sh\"");
    assertThat(api.get("/api/v1/customers/tpl-api-2/tags").body()).contains("\"other\"");

    var read = api.get("/api/v1/tags/tpl_api_city/template");
    assertThat(read.json().get("program").asString()).isEqualTo("LAYERED");
    assertThat(read.json().get("settings").get("elseValue").asString()).isEqualTo("other");

    var preview =
        api.post(
            "/api/v1/tags/tpl_api_city/template/layered/preview?asOf=2026-01-01",
            "{\"branches\":[{\"value\":\"other\",\"rule\":\"城市 = 上海\"}]}");
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().get("asOf").asString()).isEqualTo("2026-01-01");
    // the preview wrote nothing
    assertThat(api.get("/api/v1/customers/tpl-api-1/tags").body()).contains("\"sh\"");
  }

  @Test
  void refusalsNameWhatToFix() {
    var badValue =
        api.put(
            "/api/v1/tags/tpl_api_city/template/layered",
            "{\"branches\":[{\"value\":\"nope\",\"rule\":\"城市 = 上海\"}]}");
    assertThat(badValue.status()).isEqualTo(400);
    assertThat(field(badValue)).isEqualTo("branches[0].value");

    var badRule =
        api.put(
            "/api/v1/tags/tpl_api_city/template/layered",
            "{\"branches\":[{\"value\":\"sh\",\"rule\":\"ctiy = 上海\"}]}");
    assertThat(badRule.status()).isEqualTo(400);
    assertThat(field(badRule)).isEqualTo("branches[0].rule");
    assertThat(badRule.body()).contains("did you mean 'city'");

    var kind = api.put("/api/v1/tags/tpl_api_city/template/magic", LAYERED);
    assertThat(kind.status()).isEqualTo(400);
    assertThat(field(kind)).isEqualTo("kind");

    var unknownSetting = api.put("/api/v1/tags/tpl_api_city/template/layered", "{\"branchez\":[]}");
    assertThat(unknownSetting.status()).isEqualTo(400);
    assertThat(field(unknownSetting)).isEqualTo("body");

    var day = api.post("/api/v1/tags/tpl_api_city/template/layered/preview?asOf=May", LAYERED);
    assertThat(day.status()).isEqualTo(400);
    assertThat(field(day)).isEqualTo("asOf");

    var badCode =
        api.post(
            "/api/v1/templates/lifecycle",
            "{\"code\":\"Bad Code\",\"categoryCode\":\"tpl_api\",\"nameZh\":\"阶段\",\"nameEn\":\"Stage\"}");
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(field(badCode)).isEqualTo("code");

    assertThat(TestHttp.anonymous(port).get("/api/v1/tags/tpl_api_city/template").status())
        .isEqualTo(401);
  }

  private static String field(TestHttp.Response r) {
    return r.json().get("errors").get(0).get("field").asString();
  }
}
