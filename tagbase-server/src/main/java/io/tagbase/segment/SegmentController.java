package io.tagbase.segment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.engine.Condition;
import io.tagbase.job.Job;
import io.tagbase.tagging.BulkRequest;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.Paging;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/segments")
@Tag(name = "Segments", description = "Count and preview AND / OR / NOT combinations of tags")
class SegmentController {
  private final SegmentService segments;

  SegmentController(SegmentService segments) {
    this.segments = segments;
  }

  @PostMapping("/count")
  @Operation(summary = "Count the customers matching a condition")
  SegmentCount count(@RequestBody SegmentQuery query) {
    return segments.count(segments.parse(query.condition(), "condition"));
  }

  /** Tag the members of an ad-hoc segment. */
  record TagMembers(
      Object condition,
      String tag,
      String value,
      String operation,
      Boolean allOrNothing,
      String reason) {}

  @PostMapping("/tag")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Add a tag to (or remove it from) every current member of a condition, as a job")
  Job tag(@RequestBody TagMembers body, Principal principal) {
    if (body.tag() == null || body.tag().isBlank()) {
      throw new InvalidInputException("tag", "tag is required.");
    }
    Condition condition = segments.parse(body.condition(), "condition");
    BulkRequest request =
        new BulkRequest(
            body.tag(),
            BulkRequest.Operation.parse(body.operation()),
            body.allOrNothing() == null || body.allOrNothing(),
            body.value(),
            body.reason());
    return segments.tagMembers(condition, request, principal.getName());
  }

  @PostMapping("/preview")
  @Operation(summary = "Count and list one page of the customers matching a condition")
  SegmentPreview preview(@RequestBody SegmentQuery query) {
    int offset = query.offset() == null ? 0 : query.offset();
    int limit = query.limit() == null ? 20 : query.limit();
    if (offset < 0) {
      throw new InvalidInputException("offset", "offset must be 0 or more.");
    }
    Paging.checkLimit("limit", limit);
    return segments.preview(segments.parse(query.condition(), "condition"), offset, limit);
  }
}
