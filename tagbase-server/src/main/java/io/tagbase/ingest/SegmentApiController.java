package io.tagbase.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.customer.AttributeSchema;
import io.tagbase.security.ApiKeyService;
import io.tagbase.storage.Retries;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The Segment-compatible Tracking API, so any Segment or RudderStack SDK can send data to Tagbase:
 * {@code POST /v1/identify|track|page|screen|group|alias|batch|import}, with or without a trailing
 * slash. The write key comes in the body ({@code writeKey}) or as the Basic auth user. Limits as
 * Segment documents them: 32 KB per call, 500 KB per batch (400 beyond). When more calls are in
 * flight than the database can take, 429 with Retry-After. A call is answered 200 only after it is
 * committed.
 */
@RestController
@Tag(
    name = "Tracking (Segment-compatible)",
    description = "Authenticated by write key, not API key")
class SegmentApiController {
  static final int MAX_CALL = 32 * 1024;
  static final int MAX_BATCH = 500 * 1024;

  private final SegmentIngest ingest;
  private final ApiKeyService keys;
  private final AttributeSchema schema;
  private final ObjectMapper json;
  private final Clock clock;
  private final ZoneId zone;
  private final Semaphore inFlight;

  SegmentApiController(
      SegmentIngest ingest,
      ApiKeyService keys,
      AttributeSchema schema,
      ObjectMapper json,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone,
      @Value("${tagbase.ingest.max-concurrent-calls:8}") int maxConcurrent) {
    this.ingest = ingest;
    this.keys = keys;
    this.schema = schema;
    this.json = json;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
    this.inFlight = new Semaphore(maxConcurrent);
  }

  @PostMapping({"/v1/{type}", "/v1/{type}/"})
  @Operation(
      summary =
          "Segment Tracking API call: identify, track, page, screen, group, alias, batch, import")
  ResponseEntity<?> call(@PathVariable String type, HttpServletRequest request)
      throws IOException, InterruptedException {
    boolean batch = type.equals("batch") || type.equals("import");
    int limit = batch ? MAX_BATCH : MAX_CALL;
    byte[] body = request.getInputStream().readNBytes(limit + 1);
    if (body.length > limit) {
      return problem(
          HttpStatus.BAD_REQUEST, "The call is larger than " + limit / 1024 + " KB; split it.");
    }
    Map<?, ?> message;
    try {
      message = json.readValue(body, Map.class);
    } catch (JacksonException e) {
      // Jackson's message names Java types; say what is wrong in JSON terms only.
      String why =
          e instanceof tools.jackson.core.exc.StreamReadException read && read.getLocation() != null
              ? " (not valid JSON at line "
                  + read.getLocation().getLineNr()
                  + ", column "
                  + read.getLocation().getColumnNr()
                  + ")"
              : "";
      return problem(HttpStatus.BAD_REQUEST, "The body is not a JSON object" + why + ".");
    }
    if (message == null) {
      return problem(HttpStatus.BAD_REQUEST, "The body is empty.");
    }
    String writeKey = writeKey(request, message);
    if (writeKey == null || keys.authenticateWriteKey(writeKey).isEmpty()) {
      return problem(
          HttpStatus.UNAUTHORIZED,
          "A valid write key is required: as the Basic auth user name, or as writeKey in the body.");
    }
    SegmentParser parser = new SegmentParser(json, zone, clock.instant(), schema.fields());
    List<SegmentMessage> messages = new ArrayList<>();
    if (batch) {
      if (!(message.get("batch") instanceof List<?> items) || items.isEmpty()) {
        return problem(HttpStatus.BAD_REQUEST, "A batch call needs a non-empty \"batch\" array.");
      }
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof Map<?, ?> item)) {
          return problem(HttpStatus.BAD_REQUEST, "batch[" + i + "] is not an object.");
        }
        messages.add(parser.parse(item, String.valueOf(item.get("type")), "batch[" + i + "]"));
      }
    } else {
      messages.add(parser.parse(message, type, type));
    }
    if (!inFlight.tryAcquire(250, TimeUnit.MILLISECONDS)) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header("Retry-After", "1")
          .body(
              problemBody(HttpStatus.TOO_MANY_REQUESTS, "Tagbase is busy; retry after a second."));
    }
    try {
      String actor = "write-key:" + keys.authenticateWriteKey(writeKey).get();
      IngestResult result = Retries.onDuplicateKey(() -> ingest.apply(messages, actor));
      return ResponseEntity.ok(
          Map.of(
              "success", true, "accepted", result.accepted(), "duplicates", result.duplicates()));
    } finally {
      inFlight.release();
    }
  }

  private static String writeKey(HttpServletRequest request, Map<?, ?> message) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).trim()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        if (!user.isBlank()) {
          return user;
        }
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return message.get("writeKey") instanceof String key && !key.isBlank() ? key : null;
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(problemBody(status, detail));
  }

  private static ProblemDetail problemBody(HttpStatus status, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(status.getReasonPhrase());
    return body;
  }
}
