package io.tagbase.automation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Posts a webhook: the JSON body, {@code Idempotency-Key} (the same on every attempt, so the
 * receiver can drop a repeat), {@code X-Tagbase-Signature: sha256=<hex HMAC-SHA256 of the body with
 * the action's secret>}, and the attempt number. A 2xx answer is success; anything else, a timeout
 * or a connection error is a {@link DeliveryFailure} to retry. Thread-safe.
 */
@Component
class WebhookSender {
  static final String SIGNATURE = "X-Tagbase-Signature";
  static final String KEY = "Idempotency-Key";

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** Sends once; returns a short note for the run log ("HTTP 200 in 12 ms"). */
  String send(AutomationAction action, String key, int attempt, String body)
      throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(action.url()))
            .timeout(Duration.ofMillis(action.timeout()))
            .header("Content-Type", "application/json")
            .header(KEY, key)
            .header(SIGNATURE, "sha256=" + sign(action.secret(), body))
            .header("X-Tagbase-Attempt", Integer.toString(attempt))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw DeliveryFailure.retry("timed out after " + action.timeout() + " ms");
    } catch (IOException e) {
      throw DeliveryFailure.retry("could not connect: " + e.getClass().getSimpleName());
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (response.statusCode() / 100 != 2) {
      String text = response.body() == null ? "" : response.body();
      throw DeliveryFailure.retry(
          "HTTP "
              + response.statusCode()
              + (text.isBlank() ? "" : ": " + text.substring(0, Math.min(200, text.length()))));
    }
    return "HTTP " + response.statusCode() + " in " + ms + " ms";
  }

  /** Lower-case hex HMAC-SHA256 of {@code body} (UTF-8) with {@code secret} (UTF-8). */
  static String sign(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
