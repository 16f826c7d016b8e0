package io.tagbase.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Security headers on every kind of answer, and errors that show no Java or SQL internals. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tagbase.test.context=hardening")
@ActiveProfiles("test")
class HardeningIT {
  @LocalServerPort int port;

  private HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    var builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("X-Api-Key", TestHttp.API_KEY);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void apiAnswersCarryTheSecurityHeaders() throws Exception {
    var response = send("GET", "/api/v1/tags", null, null);
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
  }

  @Test
  void consolePagesCarryAContentSecurityPolicy() throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void errorsNeverShowInternals() throws Exception {
    var answers =
        java.util.List.of(
            send("POST", "/api/v1/customers", "application/json", "{\"externalId\": [}"),
            send("POST", "/api/v1/customers", "text/plain", "hello"),
            send("PATCH", "/api/v1/tags", "application/json", "{}"),
            send("GET", "/api/v1/customers?page=abc", null, null),
            send("GET", "/api/v1/no-such-endpoint", null, null),
            send(
                "POST",
                "/api/v1/segments/count",
                "application/json",
                "{\"condition\":" + "[".repeat(5000) + "}"),
            send("GET", "/api/v1/customers/%00%27%3B", null, null));
    for (var response : answers) {
      assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
      assertThat(response.body())
          .doesNotContainIgnoringCase("exception")
          .doesNotContain("java.")
          .doesNotContain("\tat ")
          .doesNotContainIgnoringCase("org.h2")
          .doesNotContainIgnoringCase("sql");
    }
  }
}
