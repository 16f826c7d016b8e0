package io.tagbase.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tagbase.TestHttp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Events sent to the API re-evaluate the rule tags that read them, for that customer, at once. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tagbase.test.context=real-time-rules")
@ActiveProfiles("test")
class RealTimeRuleIT {
  @LocalServerPort int port;

  @Test
  void secondOrderWithinThirtyDaysGivesTheRuleTagAtOnce() {
    var api = TestHttp.withKey(port);
    api.post(
        "/api/v1/tag-categories",
        "{\"code\":\"rt_cat\",\"nameZh\":\"实时\",\"nameEn\":\"Real time\"}");
    api.post(
        "/api/v1/tags",
        "{\"code\":\"rt_repeat\",\"categoryCode\":\"rt_cat\",\"nameZh\":\"复购\",\"nameEn\":\"Repeat\",\"kind\":\"RULE\"}");
    String now = Instant.now().toString();
    api.post(
        "/api/v1/events",
        "{\"type\":\"order\",\"customerId\":\"rt-1\",\"timestamp\":\"" + now + "\",\"amount\":5}");
    var saved =
        api.put("/api/v1/tags/rt_repeat/rule", "{\"text\":\"count(order, last 30 days) >= 2\"}");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(api.get("/api/v1/customers/rt-1/tags").body()).doesNotContain("rt_repeat");

    api.post(
        "/api/v1/events",
        "{\"type\":\"order\",\"customerId\":\"rt-1\",\"timestamp\":\"" + now + "\",\"amount\":7}");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.get("/api/v1/customers/rt-1/tags").body().contains("rt_repeat"));
    var history = api.get("/api/v1/customers/rt-1/tag-history").json();
    assertThat(history.get(0).get("source").asString()).isEqualTo("RULE");
  }
}
