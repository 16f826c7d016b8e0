package io.tagbase.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A key that sends faster than its limit is told to wait, with Retry-After. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tagbase.rate-limit.per-second=0.5", "tagbase.rate-limit.burst=3"})
@ActiveProfiles("test")
class RateLimitIT {
  @LocalServerPort int port;

  @Test
  void requestsBeyondTheBurstGet429WithRetryAfter() {
    var api = TestHttp.withKey(port);
    int limited = 0;
    for (int i = 0; i < 6; i++) {
      var response = api.get("/api/v1/tags");
      if (response.status() == 429) {
        limited++;
        assertThat(response.contentType()).startsWith("application/problem+json");
      }
    }
    assertThat(limited).isGreaterThanOrEqualTo(2);
  }
}
