package io.tagbase.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The governance endpoints through the running app. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GovernanceApiIT {
  @LocalServerPort int port;

  TestHttp http() {
    return TestHttp.withKey(port);
  }

  static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  String category() {
    String category = unique("cat");
    var r =
        http()
            .post(
                "/api/v1/tag-categories",
                "{\"code\":\"" + category + "\",\"nameZh\":\"分类\",\"nameEn\":\"Category\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return category;
  }

  String tag(String category, String prefix) {
    String tag = unique(prefix);
    var r =
        http()
            .post(
                "/api/v1/tags",
                "{\"code\":\""
                    + tag
                    + "\",\"categoryCode\":\""
                    + category
                    + "\",\"nameZh\":\"标签"
                    + prefix
                    + "\",\"nameEn\":\"Tag "
                    + prefix
                    + "\",\"status\":\"ACTIVE\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return tag;
  }

  void give(String tag, String... customers) {
    for (String c : customers) {
      var r = http().post("/api/v1/customers", "{\"externalId\":\"" + c + "\"}");
      assertThat(r.status()).as(r.body()).isIn(200, 201, 409);
      var a = http().put("/api/v1/customers/" + c + "/tags/" + tag, "{}");
      assertThat(a.status()).as(a.body()).isLessThan(300);
    }
  }

  @Test
  void mergeThroughTheApiIsPreviewedDoneAndUndone() {
    String category = category();
    String kept = tag(category, "kept");
    String merged = tag(category, "merged");
    String c1 = unique("c"), c2 = unique("c"), c3 = unique("c");
    give(kept, c1, c2);
    give(merged, c2, c3);
    var segment =
        http()
            .post(
                "/api/v1/segments",
                "{\"code\":\""
                    + unique("seg")
                    + "\",\"nameZh\":\"人群\",\"nameEn\":\"Segment\",\"condition\":{\"tag\":\""
                    + merged
                    + "\"}}");
    assertThat(segment.status()).as(segment.body()).isEqualTo(201);

    var used = http().get("/api/v1/governance/tags/" + merged + "/where-used");
    assertThat(used.json().get("usedBy").get(0).get("kind").asString()).isEqualTo("SEGMENT");

    String body = "{\"kept\":\"" + kept + "\",\"merged\":[\"" + merged + "\"]}";
    var preview = http().post("/api/v1/governance/merges/preview", body);
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().get("keptMembersAfter").asLong()).isEqualTo(3);

    var merge = http().post("/api/v1/governance/merges", body);
    assertThat(merge.status()).as(merge.body()).isEqualTo(201);
    long id = merge.json().get("merge").get("id").asLong();
    assertThat(http().get("/api/v1/tags/" + merged).json().get("status").asString())
        .isEqualTo("ARCHIVED");
    assertThat(
            http()
                .get("/api/v1/governance/tags/" + merged + "/merged-into")
                .json()
                .get("mergedInto")
                .asString())
        .isEqualTo(kept);

    var undo = http().post("/api/v1/governance/merges/" + id + "/undo", "");
    assertThat(undo.status()).as(undo.body()).isEqualTo(200);
    assertThat(undo.json().get("merge").get("status").asString()).isEqualTo("UNDONE");
    assertThat(http().get("/api/v1/tags/" + merged).json().get("status").asString())
        .isEqualTo("ACTIVE");
  }

  @Test
  void mergingATagIntoItselfIsAProblemNamingTheField() {
    String category = category();
    String kept = tag(category, "kept");
    var r =
        http()
            .post(
                "/api/v1/governance/merges",
                "{\"kept\":\"" + kept + "\",\"merged\":[\"" + kept + "\"]}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).contains("application/problem+json");
    assertThat(r.body()).contains("merged[0]");
  }

  @Test
  void namingStandardIsSetThroughTheApiAndRefusesABadCode() {
    String category = category();
    var s =
        http()
            .put(
                "/api/v1/governance/naming-standards/" + category,
                "{\"codePattern\":\"ok_[a-z0-9_]+\",\"requireDescription\":false,"
                    + "\"requireOwner\":false}");
    assertThat(s.status()).as(s.body()).isEqualTo(200);
    var bad =
        http()
            .post(
                "/api/v1/tags",
                "{\"code\":\"bad_code\",\"categoryCode\":\""
                    + category
                    + "\",\"nameZh\":\"坏\",\"nameEn\":\"Bad\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("does not match");
    var badPattern =
        http()
            .put(
                "/api/v1/governance/naming-standards/" + category,
                "{\"codePattern\":\"([a-z\",\"requireDescription\":false,\"requireOwner\":false}");
    assertThat(badPattern.status()).isEqualTo(400);
    assertThat(badPattern.body()).contains("codePattern");
  }

  @Test
  void findingsQualityAndSimilarAnswer() {
    assertThat(http().get("/api/v1/governance/findings?idleDays=30").status()).isEqualTo(200);
    assertThat(http().get("/api/v1/governance/quality").status()).isEqualTo(200);
    assertThat(http().get("/api/v1/governance/similar?basis=members").status()).isEqualTo(200);
    assertThat(http().get("/api/v1/governance/similar?basis=nope").status()).isEqualTo(400);
  }

  /** An API key whose role may write tags and rules but not approve. */
  TestHttp editor() {
    String role = ("ED_" + unique("r")).toUpperCase(java.util.Locale.ROOT);
    var r =
        http()
            .put(
                "/api/v1/roles/" + role,
                "{\"nameZh\":\"编辑\",\"nameEn\":\"Editor\",\"permissions\":[\"TAGS_READ\","
                    + "\"TAGS_WRITE\",\"RULES_READ\",\"RULES_WRITE\"]}");
    assertThat(r.status()).as(r.body()).isLessThan(300);
    var key = http().post("/api/v1/api-keys", "{\"name\":\"ed\",\"role\":\"" + role + "\"}");
    assertThat(key.status()).as(key.body()).isEqualTo(201);
    return new TestHttp(port, key.json().get("secret").asString());
  }

  @Test
  void aNonApproversChangesAnswer202WithTheRequestAndAnAdministratorsApply() {
    String category = category();
    String tag = tag(category, "def");
    String flag = tag(category, "x");
    String layered = unique("tier");
    var created =
        http()
            .post(
                "/api/v1/tags",
                "{\"code\":\""
                    + layered
                    + "\",\"categoryCode\":\""
                    + category
                    + "\",\"nameZh\":\"层\",\"nameEn\":\"Tier\",\"kind\":\"RULE\","
                    + "\"valueType\":\"LAYERED\",\"status\":\"ACTIVE\",\"values\":["
                    + "{\"code\":\"gold\",\"nameZh\":\"金\",\"nameEn\":\"Gold\"},"
                    + "{\"code\":\"silver\",\"nameZh\":\"银\",\"nameEn\":\"Silver\"}]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    TestHttp editor = editor();

    var rename =
        editor.put(
            "/api/v1/tags/" + tag,
            "{\"categoryCode\":\"" + category + "\",\"nameZh\":\"改名\",\"nameEn\":\"Renamed\"}");
    assertThat(rename.status()).as(rename.body()).isEqualTo(202);
    assertThat(rename.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
    long id = rename.json().get("changeRequest").asLong();
    assertThat(http().get("/api/v1/tags/" + tag).json().get("nameEn").asString())
        .isNotEqualTo("Renamed");
    var request = http().get("/api/v1/governance/approvals/" + id);
    assertThat(request.json().get("request").get("kind").asString()).isEqualTo("DEFINITION");
    assertThat(request.json().get("lines").asBoolean()).isTrue();

    var template =
        editor.put(
            "/api/v1/tags/" + layered + "/template/layered",
            "{\"branches\":[{\"value\":\"gold\",\"rule\":\"has tag " + flag + "\"}]}");
    assertThat(template.status()).as(template.body()).isEqualTo(202);
    assertThat(http().get("/api/v1/tags/" + layered + "/template").status()).isEqualTo(404);

    var approve = http().post("/api/v1/governance/approvals/" + id + "/approve", "{}");
    assertThat(approve.status()).as(approve.body()).isEqualTo(200);
    assertThat(http().get("/api/v1/tags/" + tag).json().get("nameEn").asString())
        .isEqualTo("Renamed");
    var direct =
        http()
            .put(
                "/api/v1/tags/" + layered + "/template/layered",
                "{\"branches\":[{\"value\":\"gold\",\"rule\":\"has tag " + flag + "\"}]}");
    assertThat(direct.status()).as(direct.body()).isEqualTo(200);
  }

  @Test
  void aTagsOverviewNamesItsPendingRequestAndAnUnknownTagIs404() {
    String category = category();
    String tag = tag(category, "ov");
    var rename =
        editor()
            .put(
                "/api/v1/tags/" + tag,
                "{\"categoryCode\":\"" + category + "\",\"nameZh\":\"改名\",\"nameEn\":\"Renamed\"}");
    assertThat(rename.status()).as(rename.body()).isEqualTo(202);

    var overview = http().get("/api/v1/governance/tags/" + tag + "?lang=zh");
    assertThat(overview.status()).as(overview.body()).isEqualTo(200);
    var json = overview.json();
    assertThat(json.get("quality").get("score").asInt()).isBetween(0, 100);
    assertThat(json.get("findings").findValuesAsString("detail")).contains("没有负责人。");
    assertThat(json.get("pending").get(0).get("id").asLong())
        .isEqualTo(rename.json().get("changeRequest").asLong());
    assertThat(http().get("/api/v1/governance/tags/no_such_tag_x").status()).isEqualTo(404);
  }

  @Test
  void findingDetailsFollowLangAndAcceptLanguageWithEnglishByDefault() {
    String category = category();
    String tag = tag(category, "lang");
    assertThat(detail("/api/v1/governance/findings", null, tag)).isEqualTo("Nobody owns it.");
    assertThat(detail("/api/v1/governance/findings?lang=zh", null, tag)).isEqualTo("没有负责人。");
    assertThat(detail("/api/v1/governance/findings", "zh-CN,zh;q=0.9", tag)).isEqualTo("没有负责人。");
  }

  String detail(String path, String acceptLanguage, String tag) {
    var client = java.net.http.HttpClient.newHttpClient();
    var builder =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
            .header("X-Api-Key", TestHttp.API_KEY);
    if (acceptLanguage != null) {
      builder.header("Accept-Language", acceptLanguage);
    }
    try {
      String body =
          client.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      for (var f : new tools.jackson.databind.ObjectMapper().readTree(body)) {
        if (f.get("tag").asString().equals(tag) && f.get("kind").asString().equals("NO_OWNER")) {
          assertThat(f.get("params").isObject()).isTrue();
          return f.get("detail").asString();
        }
      }
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("no NO_OWNER finding for " + tag);
  }
}
