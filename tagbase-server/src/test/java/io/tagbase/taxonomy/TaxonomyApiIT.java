package io.tagbase.taxonomy;

import static io.tagbase.taxonomy.TaxonomyFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The taxonomy's REST API through the real app: edits, refusals as problem details, versions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaxonomyApiIT {
  @LocalServerPort int port;
  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.withKey(port);
  }

  private String category(String parent) {
    String code = unique("cat");
    String parentJson = parent == null ? "" : ",\"parentCode\":\"" + parent + "\"";
    var created =
        api.post(
            "/api/v1/tag-categories",
            "{\"code\":\"" + code + "\",\"nameZh\":\"分类\",\"nameEn\":\"Cat\"" + parentJson + "}");
    assertThat(created.status()).isEqualTo(201);
    return code;
  }

  private String tag(String category) {
    String code = unique("tag");
    var created =
        api.post(
            "/api/v1/tags",
            "{\"code\":\""
                + code
                + "\",\"categoryCode\":\""
                + category
                + "\",\"nameZh\":\"标签\",\"nameEn\":\"Tag\"}");
    assertThat(created.status()).isEqualTo(201);
    return code;
  }

  @Test
  void putCategoryRenamesAndMovesIt() {
    String parent = category(null);
    String code = category(null);
    var response =
        api.put(
            "/api/v1/tag-categories/" + code,
            "{\"nameZh\":\"改名\",\"nameEn\":\"Renamed\",\"parentCode\":\"" + parent + "\"}");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("nameEn").asString()).isEqualTo("Renamed");
    assertThat(response.json().get("parentId").isNull()).isFalse();
  }

  @Test
  void movingACategoryUnderItsDescendantIs400NamingParentCode() {
    String top = category(null);
    String child = category(top);
    var response = api.put("/api/v1/tag-categories/" + top, "{\"parentCode\":\"" + child + "\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("errors").get(0).get("field").asString())
        .isEqualTo("parentCode");
  }

  @Test
  void deletingANonEmptyCategoryIs409NamingWhatIsInside() {
    String code = category(null);
    String tag = tag(code);
    var response = api.delete("/api/v1/tag-categories/" + code);
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("detail").asString()).contains(tag).contains("not empty");
  }

  @Test
  void deletingAnEmptyCategoryIs204AndThenItIsGone() {
    String code = category(null);
    assertThat(api.delete("/api/v1/tag-categories/" + code).status()).isEqualTo(204);
    assertThat(api.delete("/api/v1/tag-categories/" + code).status()).isEqualTo(404);
  }

  @Test
  void starterInstallsOnceAndTheSecondCallSaysNothingWasAdded() {
    assertThat(api.post("/api/v1/tag-categories/starter", "").status()).isEqualTo(200);
    var again = api.post("/api/v1/tag-categories/starter", "");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("alreadyInstalled").asBoolean()).isTrue();
    assertThat(again.json().get("message").asString()).contains("nothing was added");
    assertThat(api.get("/api/v1/tags/lifecycle_stage").json().get("values").size()).isEqualTo(5);
  }

  @Test
  void definitionReadWithGetCanBeSentBackWithPutAsTheNextVersionByTheKeysName() {
    String code = tag(category(null));
    String definition = api.get("/api/v1/tags/" + code).body().replace("\"Tag\"", "\"Renamed\"");
    String body =
        definition.replace(
            "\"categoryId\"", "\"categoryCode\":\"" + categoryOf(code) + "\",\"categoryId\"");
    var response = api.put("/api/v1/tags/" + code, body);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("nameEn").asString()).isEqualTo("Renamed");
    var versions = api.get("/api/v1/tags/" + code + "/versions").json();
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
    assertThat(versions.get(0).get("changedBy").asString()).isEqualTo("api-key:bootstrap");
    assertThat(versions.get(1).get("change").asString()).isEqualTo("CREATE");
  }

  private String categoryOf(String tagCode) {
    long id = api.get("/api/v1/tags/" + tagCode).json().get("categoryId").asLong();
    for (var c : api.get("/api/v1/tag-categories").json()) {
      if (c.get("id").asLong() == id) {
        return c.get("code").asString();
      }
    }
    throw new AssertionError("no category " + id);
  }

  @Test
  void staleExpectedVersionIs409() {
    String category = category(null);
    String code = tag(category);
    String body =
        "{\"categoryCode\":\""
            + category
            + "\",\"nameZh\":\"新\",\"nameEn\":\"New\",\"expectedVersion\":1}";
    assertThat(api.put("/api/v1/tags/" + code, body).status()).isEqualTo(200);
    var stale = api.put("/api/v1/tags/" + code, body.replace("\"New\"", "\"Newer\""));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().get("errors").get(0).get("field").asString())
        .isEqualTo("expectedVersion");
  }

  @Test
  void changingTheCodeIs400NamingCode() {
    String category = category(null);
    String code = tag(category);
    var response =
        api.put(
            "/api/v1/tags/" + code,
            "{\"code\":\"other_code\",\"categoryCode\":\""
                + category
                + "\",\"nameZh\":\"新\",\"nameEn\":\"New\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
  }

  @Test
  void statusMovesAlongTheLifecycle() {
    String code = tag(category(null));
    var response = api.post("/api/v1/tags/" + code + "/status", "{\"status\":\"DEPRECATED\"}");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asString()).isEqualTo("DEPRECATED");
    assertThat(response.json().get("version").asInt()).isEqualTo(2);
  }

  @Test
  void forbiddenTransitionIs400NamingTheAllowedNextStatuses() {
    String code = tag(category(null));
    var response = api.post("/api/v1/tags/" + code + "/status", "{\"status\":\"DRAFT\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .contains("allowed next statuses: DEPRECATED");
  }

  @Test
  void openApiDescribesTheNewOperations() {
    var paths = api.get("/v3/api-docs").json().get("paths");
    assertThat(paths.has("/api/v1/tag-categories/starter")).isTrue();
    assertThat(paths.get("/api/v1/tag-categories/{code}").has("delete")).isTrue();
    assertThat(paths.get("/api/v1/tags/{code}").has("put")).isTrue();
    assertThat(paths.has("/api/v1/tags/{code}/status")).isTrue();
  }
}
