package io.tagbase.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Personal data masked for roles without the permission (API, profile, exports), sensitive tags
 * hidden, and a sales rep's data scope: only the customers they own, in lists, counts, segments,
 * tag members and exports.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tagbase.test.context=privacy-scope", "tagbase.rate-limit.per-second=0"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyScopeIT {
  @LocalServerPort int port;

  @Value("${tagbase.export.directory}")
  String exportDir;

  TestHttp admin;
  TestHttp analyst;
  TestHttp marketer;
  TestHttp rep;
  TestHttp compliance;

  @BeforeAll
  void data() {
    admin = TestHttp.withKey(port);
    for (String rep : new String[] {"rep.li", "rep.wang"}) {
      assertThat(
              admin
                  .post(
                      "/api/v1/users",
                      "{\"username\":\""
                          + rep
                          + "\",\"role\":\"SALES_REP\",\"password\":\"rep-password-123\"}")
                  .status())
          .isEqualTo(201);
    }
    analyst = key("ANALYST", null);
    marketer = key("MARKETER", null);
    rep = key("SALES_REP", "rep.li");
    compliance = key("COMPLIANCE", null);
    var field =
        admin.post(
            "/api/v1/attributes",
            "{\"code\":\"id_number\",\"nameZh\":\"身份证号\",\"nameEn\":\"ID number\",\"type\":\"STRING\","
                + "\"required\":false,\"pii\":true}");
    assertThat(field.status()).as(field.body()).isEqualTo(201);
    admin.post("/api/v1/tag-categories", "{\"code\":\"pv\",\"nameZh\":\"隐私\",\"nameEn\":\"P\"}");
    admin.post(
        "/api/v1/tags",
        "{\"code\":\"vip\",\"categoryCode\":\"pv\",\"nameZh\":\"贵宾\",\"nameEn\":\"VIP\"}");
    admin.post(
        "/api/v1/tags",
        "{\"code\":\"in_debt\",\"categoryCode\":\"pv\",\"nameZh\":\"欠款\",\"nameEn\":\"In debt\","
            + "\"sensitivity\":\"SENSITIVE\"}");
    for (int i = 1; i <= 6; i++) {
      String id = "pv-" + i;
      var created =
          admin.post(
              "/api/v1/customers",
              "{\"externalId\":\""
                  + id
                  + "\",\"displayName\":\"客户"
                  + i
                  + "\",\"phone\":\"1381234000"
                  + i
                  + "\",\"email\":\"zhang"
                  + i
                  + "@example.com\",\"attributes\":{\"id_number\":\"11010119900307123"
                  + i
                  + "\"}}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      admin.put("/api/v1/customers/" + id + "/tags/vip");
      String owner = i <= 2 ? "rep.li" : i <= 4 ? "rep.wang" : null;
      if (owner != null) {
        assertThat(
                admin
                    .put("/api/v1/customers/" + id + "/owner", "{\"owner\":\"" + owner + "\"}")
                    .status())
            .isEqualTo(204);
      }
    }
    admin.put("/api/v1/customers/pv-1/tags/in_debt");
    admin.post(
        "/api/v1/segments",
        "{\"code\":\"pv_vip\",\"nameZh\":\"贵宾\",\"nameEn\":\"VIP\",\"kind\":\"DYNAMIC\","
            + "\"condition\":{\"tag\":\"vip\"}}");
  }

  private TestHttp key(String role, String actsAs) {
    var created =
        admin.post(
            "/api/v1/api-keys",
            "{\"name\":\"pv-"
                + role
                + "\",\"role\":\""
                + role
                + "\""
                + (actsAs == null ? "" : ",\"actsAs\":\"" + actsAs + "\"")
                + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return new TestHttp(port, created.json().get("secret").asString());
  }

  @Test
  void analystSeesPhoneAndEmailMasked() {
    var c = analyst.get("/api/v1/customers/pv-1").json();
    assertThat(c.get("phone").asString()).isEqualTo("138****0001");
    assertThat(c.get("email").asString()).isEqualTo("z***@example.com");
    var list = analyst.get("/api/v1/customers?q=pv-").body();
    assertThat(list).doesNotContain("13812340001").doesNotContain("zhang1@");
  }

  @Test
  void administratorAndComplianceSeeThemInClear() {
    assertThat(admin.get("/api/v1/customers/pv-1").json().get("phone").asString())
        .isEqualTo("13812340001");
    assertThat(compliance.get("/api/v1/customers/pv-1").json().get("email").asString())
        .isEqualTo("zhang1@example.com");
  }

  @Test
  void profileMasksIdentitiesAndFieldsFlaggedPii() {
    String body = analyst.get("/api/v1/customers/pv-1/profile").body();
    assertThat(body)
        .doesNotContain("13812340001")
        .doesNotContain("zhang1@example.com")
        .doesNotContain("110101199003071231")
        .contains("110***********1231");
    assertThat(admin.get("/api/v1/customers/pv-1/profile").body()).contains("110101199003071231");
  }

  @Test
  void sensitiveTagIsHiddenFromRolesWithoutThePermission() {
    assertThat(analyst.get("/api/v1/customers/pv-1/tags").json().findValuesAsString("code"))
        .containsExactly("vip");
    assertThat(analyst.get("/api/v1/tags/in_debt/members").status()).isEqualTo(404);
    assertThat(compliance.get("/api/v1/customers/pv-1/tags").json().findValuesAsString("code"))
        .contains("in_debt");
  }

  @Test
  void salesRepListsAndCountsOnlyTheirOwnCustomers() {
    var page = rep.get("/api/v1/customers?q=pv-").json();
    assertThat(page.get("total").asLong()).isEqualTo(2);
    assertThat(page.get("items").findValuesAsString("externalId"))
        .containsExactlyInAnyOrder("pv-1", "pv-2");
    assertThat(rep.get("/api/v1/customers/pv-3").status()).isEqualTo(404);
    assertThat(rep.get("/api/v1/customers/pv-1").json().get("phone").asString())
        .isEqualTo("13812340001");
  }

  @Test
  void salesRepSegmentsAndTagMembersAreScoped() {
    var count = rep.post("/api/v1/segments/count", "{\"condition\":{\"tag\":\"vip\"}}").json();
    assertThat(count.get("count").asLong()).isEqualTo(2);
    assertThat(
            admin
                .post("/api/v1/segments/count", "{\"condition\":{\"tag\":\"vip\"}}")
                .json()
                .get("count")
                .asLong())
        .isEqualTo(6);
    var members = rep.get("/api/v1/segments/pv_vip/members").json();
    assertThat(members.get("count").asLong()).isEqualTo(2);
    assertThat(rep.get("/api/v1/segments/pv_vip").json().get("size").asLong()).isEqualTo(2);
    assertThat(rep.get("/api/v1/tags/vip/members").json().get("total").asLong()).isEqualTo(2);
  }

  @Test
  void salesRepCannotTagAnotherRepsCustomerNorReassignOwners() {
    assertThat(rep.put("/api/v1/customers/pv-3/tags/vip").status()).isEqualTo(404);
    assertThat(rep.put("/api/v1/customers/pv-1/owner", "{\"owner\":\"rep.wang\"}").status())
        .isEqualTo(403);
    assertThat(admin.put("/api/v1/customers/pv-1/owner", "{\"owner\":\"nobody-here\"}").status())
        .isEqualTo(400);
  }

  @Test
  void marketerExportIsMaskedAndAudited() throws Exception {
    String csv = export(marketer);
    assertThat(csv).contains("pv-5").contains("138****0005").doesNotContain("13812340005");
    assertThat(admin.get("/api/v1/audit?action=EXPORT").body()).contains("masked");
  }

  @Test
  void adminExportHoldsEveryMemberInClear() throws Exception {
    String csv = export(admin);
    assertThat(csv).contains("13812340005").contains("pv-6");
  }

  @Test
  void viewsOfPersonalDataAreAudited() {
    compliance.get("/api/v1/customers/pv-2");
    assertThat(
            admin.get("/api/v1/audit?action=VIEW_PERSONAL_DATA&actor=api-key:pv-COMPLIANCE").body())
        .contains("pv-2");
  }

  private String export(TestHttp who) throws Exception {
    var job = who.post("/api/v1/segments/pv_vip/exports?format=csv", "{}");
    assertThat(job.status()).as(job.body()).isBetween(200, 202);
    long id = job.json().get("id").asLong();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> who.get("/api/v1/segments/exports/" + id).status() == 200);
    return who.get("/api/v1/segments/exports/" + id).body();
  }
}
