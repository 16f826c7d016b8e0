package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** When the tracking API can take no more calls, it answers 429 with Retry-After. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tagbase.ingest.max-concurrent-calls=0",
      "tagbase.bootstrap-write-key=overload-write-key-123"
    })
@ActiveProfiles("test")
class TrackingOverloadIT {
  @LocalServerPort int port;

  @Test
  void busyTrackingApiAnswers429WithRetryAfter() {
    var response =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/track"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"writeKey\":\"overload-write-key-123\",\"userId\":\"u\",\"event\":\"E\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .join();
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).contains("1");
  }
}
