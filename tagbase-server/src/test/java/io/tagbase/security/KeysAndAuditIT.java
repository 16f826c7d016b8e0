package io.tagbase.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Keys issued and revoked through the API, login throttling, and what the audit log records. Its
 * own context (the property below): the throttling test locks the admin out for 15 minutes.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tagbase.test.context=keys-and-audit")
@ActiveProfiles("test")
class KeysAndAuditIT {
  @LocalServerPort int port;

  @Test
  void issuedKeyWorksUntilRevokedAndBothAreAudited() {
    var admin = TestHttp.withKey(port);
    var issued = admin.post("/api/v1/api-keys", "{\"name\":\"crm-sync\"}");
    assertThat(issued.status()).isEqualTo(201);
    String secret = issued.json().get("secret").asString();
    long id = issued.json().get("id").asLong();
    assertThat(new TestHttp(port, secret).get("/api/v1/tags").status()).isEqualTo(200);
    assertThat(admin.get("/api/v1/api-keys").body()).contains("crm-sync").doesNotContain(secret);

    assertThat(admin.delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
    assertThat(new TestHttp(port, secret).get("/api/v1/tags").status()).isEqualTo(401);
    var audit = admin.get("/api/v1/audit?action=KEY_REVOKED").json();
    assertThat(audit.get(0).get("targetId").asString()).isEqualTo(String.valueOf(id));
  }

  @Test
  void writeKeyIsNotAnApiKey() {
    var admin = TestHttp.withKey(port);
    String secret =
        admin
            .post("/api/v1/api-keys", "{\"name\":\"web-sdk\",\"kind\":\"WRITE\"}")
            .json()
            .get("secret")
            .asString();
    assertThat(new TestHttp(port, secret).get("/api/v1/tags").status()).isEqualTo(401);
  }

  @Test
  void keyWithAPastExpiryIsRefused() {
    var response =
        TestHttp.withKey(port)
            .post("/api/v1/api-keys", "{\"name\":\"old\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
  }

  @Test
  void readingACustomerIsAuditedAsAViewOfPersonalData() {
    var admin = TestHttp.withKey(port);
    admin.post("/api/v1/customers", "{\"externalId\":\"audited-1\",\"phone\":\"13900001111\"}");
    admin.get("/api/v1/customers/audited-1");
    var audit = admin.get("/api/v1/audit?action=VIEW_PERSONAL_DATA").json();
    assertThat(audit.toString()).contains("audited-1");
  }

  @Test
  void fiveFailedLoginsLockTheNameEvenForTheRightPassword() throws Exception {
    for (int i = 0; i < LoginAudit.MAX_FAILURES; i++) {
      assertThat(login("admin", "wrong-" + i)).contains("error");
    }
    assertThat(login("admin", "test-admin-password")).contains("error");
    var audit = TestHttp.withKey(port).get("/api/v1/audit?action=LOGIN_FAILED&actor=admin").json();
    assertThat(audit.size()).isGreaterThanOrEqualTo(LoginAudit.MAX_FAILURES);
  }

  /** Logs in through the form (with its CSRF token) and returns where it redirected. */
  private String login(String user, String password) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://127.0.0.1:" + port;
    String page =
        client
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).isTrue();
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    var response =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return response.headers().firstValue("Location").orElse("");
  }
}
