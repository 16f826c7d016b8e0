package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.TrackMessage;
import io.tagbase.TestHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Segment-compatible Tracking API through the running app: the published spec examples, the
 * real analytics-java client, authentication, limits and bad input.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tagbase.bootstrap-write-key=" + SegmentApiIT.WRITE_KEY)
@ActiveProfiles("test")
class SegmentApiIT {
  static final String WRITE_KEY = "test-write-key-abcdef";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @LocalServerPort int port;

  private TestHttp api() {
    return TestHttp.withKey(port);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = SegmentApiIT.class.getResourceAsStream("/segment-spec/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("YOUR_WRITE_KEY", WRITE_KEY);
    }
  }

  private HttpResponse<String> post(String path, String body, String basicUser) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (basicUser != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((basicUser + ":").getBytes(StandardCharsets.UTF_8)));
    }
    return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).join();
  }

  @Test
  void publishedBatchExampleCreatesProfilesAndEvents() throws IOException {
    var response = post("/v1/batch", fixture("http_batch.json"), null);
    assertThat(response.statusCode()).isEqualTo(200);
    var profile = api().get("/api/v1/customers/lookup?userId=971mj8mk7p").json();
    assertThat(profile.get("profile").get("customer").get("displayName").asString())
        .isEqualTo("Cindy Gonzalez");
    assertThat(profile.get("recentEvents").get(0).get("type").asString()).isEqualTo("Song Played");
  }

  @Test
  void identifyWithWriteKeyAsBasicUserAndTrailingSlashIsAccepted() throws IOException {
    String body = fixture("identify_complete.json");
    assertThat(post("/v1/identify/", body, WRITE_KEY).statusCode()).isEqualTo(200);
    var profile = api().get("/api/v1/customers/lookup?anonymousId=507f191e810c19729de860ea").json();
    assertThat(profile.get("profile").get("customer").get("email").asString())
        .isEqualTo("peter@example.com");
  }

  @Test
  void everyPublishedSingleCallIsAccepted() throws IOException {
    for (String[] call :
        new String[][] {
          {"identify", "http_identify.json"},
          {"track", "http_track.json"},
          {"page", "http_page.json"},
          {"group", "http_group.json"},
          {"alias", "http_alias.json"},
          {"identify", "http_identify_integrations.json"}
        }) {
      var response = post("/v1/" + call[0], fixture(call[1]), null);
      assertThat(response.statusCode()).as(call[1] + " " + response.body()).isEqualTo(200);
    }
  }

  @Test
  void sameMessageIdTwiceIsStoredOnce() throws IOException {
    String track = fixture("track_complete.json");
    String body =
        track.substring(0, track.lastIndexOf('}')) + ",\"writeKey\":\"" + WRITE_KEY + "\"}";
    assertThat(post("/v1/track", body, null).body()).contains("\"accepted\":1");
    assertThat(post("/v1/track", body, null).body()).contains("\"duplicates\":1");
  }

  @Test
  void callWithoutUserIdOrAnonymousIdIs400NamingTheProblem() throws IOException {
    var response = post("/v1/track", fixture("track_minimal.json"), WRITE_KEY);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("neither userId nor anonymousId");
  }

  @Test
  void missingOrWrongWriteKeyIs401() throws IOException {
    assertThat(post("/v1/identify", "{\"userId\":\"x\"}", null).statusCode()).isEqualTo(401);
    assertThat(post("/v1/identify", "{\"userId\":\"x\"}", "wrong-key").statusCode()).isEqualTo(401);
  }

  @Test
  void malformedJsonIs400() {
    var response = post("/v1/track", "{\"userId\": ", WRITE_KEY);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
  }

  @Test
  void callOver32KilobytesIs400() {
    String big =
        "{\"userId\":\"big\",\"event\":\"Big\",\"properties\":{\"blob\":\""
            + "x".repeat(33 * 1024)
            + "\"}}";
    var response = post("/v1/track", big, WRITE_KEY);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("32 KB");
  }

  @Test
  void batchOver500KilobytesIs400() {
    StringBuilder batch = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 30; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"type\":\"track\",\"userId\":\"b\",\"event\":\"E\",\"properties\":{\"p\":\"")
          .append("y".repeat(20 * 1024))
          .append("\"}}");
    }
    var response = post("/v1/batch", batch.append("]}").toString(), WRITE_KEY);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("500 KB");
  }

  @Test
  void realSegmentClientDeliversIdentifyAndTrack() {
    Analytics analytics =
        Analytics.builder(WRITE_KEY)
            .endpoint("http://127.0.0.1:" + port)
            .flushQueueSize(1)
            .retries(2)
            .build();
    try {
      analytics.enqueue(
          IdentifyMessage.builder()
              .userId("sdk-user-1")
              .traits(Map.of("name", "李雷", "email", "lilei@example.com")));
      analytics.enqueue(
          TrackMessage.builder("Order Completed")
              .userId("sdk-user-1")
              .properties(Map.of("orderId", "SO-1", "revenue", 99.5)));
      analytics.flush();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  api().get("/api/v1/customers/lookup?userId=sdk-user-1").status() == 200
                      && api()
                              .get("/api/v1/customers/lookup?userId=sdk-user-1")
                              .json()
                              .get("recentEvents")
                              .size()
                          == 1);
    } finally {
      analytics.shutdown();
    }
    var profile = api().get("/api/v1/customers/lookup?userId=sdk-user-1").json();
    assertThat(profile.get("profile").get("customer").get("displayName").asString())
        .isEqualTo("李雷");
    var order = profile.get("recentEvents").get(0);
    assertThat(order.get("type").asString()).isEqualTo("Order Completed");
    assertThat(order.get("orderId").asString()).isEqualTo("SO-1");
    assertThat(order.get("amount").asDouble()).isEqualTo(99.5);
  }
}
