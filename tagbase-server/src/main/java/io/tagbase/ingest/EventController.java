package io.tagbase.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.storage.Retries;
import io.tagbase.web.InvalidInputException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "Record what customers do; repeats by messageId are skipped")
class EventController {
  static final int MAX_BATCH = 1000;

  private final EventIngest ingest;
  private final ObjectMapper json;
  private final Clock clock;
  private final ZoneId zone;

  EventController(
      EventIngest ingest,
      ObjectMapper json,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.ingest = ingest;
    this.json = json;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  record Batch(List<EventRequest> events) {}

  @PostMapping
  @Operation(summary = "Record one event (the customer's profile is created if it is new)")
  IngestResult one(@RequestBody EventRequest event, Principal principal) {
    Instant now = clock.instant();
    List<IncomingEvent> events =
        List.of(EventRequests.toEvent(event, "event", json, zone, now, "api"));
    return Retries.onDuplicateKey(() -> ingest.ingest(events, principal.getName()));
  }

  @PostMapping("/batch")
  @Operation(
      summary = "Record up to 1,000 events at once",
      description = "All or nothing: one invalid event refuses the batch, naming events[i].field")
  IngestResult batch(@RequestBody Batch batch, Principal principal) {
    if (batch.events() == null || batch.events().isEmpty()) {
      throw new InvalidInputException("events", "events must list at least one event.");
    }
    if (batch.events().size() > MAX_BATCH) {
      throw new InvalidInputException("events", "A batch holds at most " + MAX_BATCH + " events.");
    }
    Instant now = clock.instant();
    List<IncomingEvent> events = new ArrayList<>(batch.events().size());
    for (int i = 0; i < batch.events().size(); i++) {
      events.add(
          EventRequests.toEvent(
              batch.events().get(i), "events[" + i + "]", json, zone, now, "api"));
    }
    return Retries.onDuplicateKey(() -> ingest.ingest(events, principal.getName()));
  }
}
