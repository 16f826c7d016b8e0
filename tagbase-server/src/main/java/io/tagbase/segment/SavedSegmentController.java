package io.tagbase.segment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.customer.CustomerService;
import io.tagbase.engine.Condition;
import io.tagbase.job.Job;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.web.Paging;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.file.Files;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Segments",
    description = "Saved segments: members, insight, history, exports, snapshots")
class SavedSegmentController {
  private final SegmentLibrary library;
  private final SegmentService segments;
  private final SegmentInsights insights;
  private final SegmentExports exports;
  private final MembershipIndex index;
  private final CustomerService customers;

  SavedSegmentController(
      SegmentLibrary library,
      SegmentService segments,
      SegmentInsights insights,
      SegmentExports exports,
      MembershipIndex index,
      CustomerService customers) {
    this.library = library;
    this.segments = segments;
    this.insights = insights;
    this.exports = exports;
    this.index = index;
    this.customers = customers;
  }

  @GetMapping("/api/v1/segments")
  @Operation(summary = "Every saved segment with its size at the last evaluation")
  List<SegmentDefinition> list() {
    return library.all();
  }

  @PostMapping("/api/v1/segments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Save a segment (evaluated at once); kind DYNAMIC (default) or STATIC")
  SegmentDefinition create(@Valid @RequestBody NewSegment segment, Principal principal) {
    return library.create(segment, principal.getName());
  }

  @GetMapping("/api/v1/segments/{code}")
  @Operation(summary = "One saved segment")
  SegmentDefinition get(@PathVariable String code) {
    return library.get(code);
  }

  @PutMapping("/api/v1/segments/{code}")
  @Operation(summary = "Change names, description and (dynamic only) the condition; re-evaluates")
  SegmentDefinition update(@PathVariable String code, @Valid @RequestBody NewSegment segment) {
    return library.update(code, segment);
  }

  @DeleteMapping("/api/v1/segments/{code}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a segment with its members and history (409 while another uses it)")
  void delete(@PathVariable String code) {
    library.delete(code);
  }

  @PostMapping("/api/v1/segments/{code}/refresh")
  @Operation(summary = "Re-evaluate a dynamic segment now: new size, who entered, who left")
  RefreshResult refresh(@PathVariable String code) {
    return library.refresh(code);
  }

  @PostMapping("/api/v1/segments/{code}/snapshot")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Freeze the current members as a new static segment")
  SegmentDefinition snapshot(@PathVariable String code, Principal principal) {
    return library.snapshot(code, principal.getName());
  }

  @GetMapping("/api/v1/segments/{code}/members")
  @Operation(summary = "One page of members with their key attributes")
  SegmentPreview members(
      @PathVariable String code,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    Paging.check(page, size);
    return segments.preview(Condition.tag(library.get(code).indexKey()), page * size, size);
  }

  @GetMapping("/api/v1/segments/{code}/members/{externalId}")
  @Operation(summary = "Is this customer in the segment (as last evaluated)?")
  Map<String, Object> isMember(@PathVariable String code, @PathVariable String externalId) {
    SegmentDefinition segment = library.get(code);
    customers.get(externalId);
    return Map.of(
        "segment",
        code,
        "customer",
        externalId,
        "member",
        index.tagsOf(externalId).contains(segment.indexKey()));
  }

  @GetMapping("/api/v1/segments/{code}/insight")
  @Operation(
      summary = "Every tag and value inside the segment versus overall, with TGI; top field values")
  SegmentInsight insight(@PathVariable String code) {
    return insights.insight(library.get(code));
  }

  @GetMapping("/api/v1/segments/{code}/history")
  @Operation(summary = "Size per day and the latest enters and leaves")
  Map<String, Object> history(
      @PathVariable String code,
      @RequestParam(defaultValue = "90") int days,
      @RequestParam(defaultValue = "100") int limit) {
    Paging.checkLimit("limit", limit);
    return Map.of(
        "sizes", library.sizes(code, days), "transitions", library.transitions(code, limit));
  }

  @GetMapping("/api/v1/segments/{a}/compare/{b}")
  @Operation(summary = "Overlap of two segments: only A, both, only B, Jaccard")
  SegmentComparison compare(@PathVariable String a, @PathVariable String b) {
    return insights.compare(library.get(a), library.get(b));
  }

  @PostMapping("/api/v1/segments/{code}/exports")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Export the members to csv or xlsx as a job; download when it has finished",
      description =
          "With purpose= (such as marketing_sms), customers who refused that purpose are left"
              + " out; the job's processed count is the number of rows written.")
  Job export(
      @PathVariable String code,
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam(required = false) String purpose,
      Principal principal) {
    return exports.start(library.get(code), format, purpose, principal.getName());
  }

  @GetMapping("/api/v1/segments/exports/{jobId}")
  @Operation(summary = "Download a finished export")
  ResponseEntity<Resource> download(@PathVariable long jobId) throws IOException {
    return SavedSegmentController.file(exports, jobId);
  }

  static ResponseEntity<Resource> file(SegmentExports exports, long jobId) throws IOException {
    var path = exports.file(jobId);
    String name = exports.fileName(jobId);
    MediaType type =
        name.endsWith(".csv")
            ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
            : MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .contentType(type)
        .contentLength(Files.size(path))
        .body(new FileSystemResource(path));
  }

  @GetMapping("/api/v1/customers/{externalId}/segments")
  @Operation(summary = "The saved segments the customer is in (as last evaluated)")
  List<String> segmentsOf(@PathVariable String externalId) {
    customers.get(externalId);
    return index.tagsOf(externalId).stream()
        .filter(k -> k.startsWith(SegmentKeys.PREFIX))
        .map(k -> k.substring(SegmentKeys.PREFIX.length()))
        .toList();
  }
}
