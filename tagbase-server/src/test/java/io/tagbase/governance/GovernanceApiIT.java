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
}
