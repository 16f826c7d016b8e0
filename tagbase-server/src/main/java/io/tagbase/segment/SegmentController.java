package io.tagbase.segment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.Paging;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
