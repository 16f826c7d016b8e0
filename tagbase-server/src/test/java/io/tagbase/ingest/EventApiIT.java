package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The event API through the running app: single events, batches, repeats, refusals, concurrency.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventApiIT {
  @LocalServerPort int port;

  @Test
  void singleEventCreatesTheProfileAndIsReadBack() {
    var api = TestHttp.withKey(port);
    var response =
        api.post(
            "/api/v1/events",
            "{\"type\":\"order\",\"userId\":\"ev-u1\",\"timestamp\":\"2026-1-5 10:00\","
                + "\"orderId\":\"O-1\",\"amount\":12.5,\"properties\":{\"sku\":\"S1\"}}");
    assertThat(response.status()).isEqualTo(200);
    var profile = api.get("/api/v1/customers/lookup?userId=ev-u1").json();
    var event = profile.get("recentEvents").get(0);
    assertThat(event.get("orderId").asString()).isEqualTo("O-1");
    assertThat(event.get("occurredAt").asString()).isEqualTo("2026-01-05T02:00:00Z");
  }

  @Test
  void batchIsAllOrNothingAndNamesTheBadEvent() {
    var api = TestHttp.withKey(port);
    var response =
        api.post(
            "/api/v1/events/batch",
            "{\"events\":[{\"type\":\"view\",\"customerId\":\"ev-c1\"},"
                + "{\"type\":\"view\",\"customerId\":\"ev-c2\",\"timestamp\":\"soon\"}]}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asString())
        .isEqualTo("events[1].timestamp");
    assertThat(api.get("/api/v1/customers/ev-c1").status()).isEqualTo(404);
  }

  @Test
  void eventWithoutACustomerIsRefused() {
    var response = TestHttp.withKey(port).post("/api/v1/events", "{\"type\":\"view\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString()).contains("names no customer");
  }

  @Test
  void concurrentBatchesAreEachStoredOnceEvenWhenResent() {
    var api = TestHttp.withKey(port);
    List<CompletableFuture<TestHttp.Response>> calls = new ArrayList<>();
    for (int b = 0; b < 8; b++) {
      StringBuilder body = new StringBuilder("{\"events\":[");
      for (int i = 0; i < 50; i++) {
        body.append(i == 0 ? "" : ",")
            .append("{\"type\":\"view\",\"customerId\":\"ev-many-")
            .append(i % 5)
            .append("\",\"messageId\":\"ev-m-")
            .append(b % 4)
            .append('-')
            .append(i)
            .append("\"}");
      }
      String json = body.append("]}").toString();
      calls.add(CompletableFuture.supplyAsync(() -> api.post("/api/v1/events/batch", json)));
    }
    long accepted = 0;
    for (var call : calls) {
      var response = call.join();
      assertThat(response.status()).isEqualTo(200);
      accepted += response.json().get("accepted").asLong();
    }
    // Batches b and b + 4 carry the same message ids: 4 x 50 distinct events in all.
    assertThat(accepted).isEqualTo(200);
    long stored = 0;
    for (int c = 0; c < 5; c++) {
      stored += api.get("/api/v1/customers/ev-many-" + c + "/events?limit=500").json().size();
    }
    assertThat(stored).isEqualTo(200);
  }
}
