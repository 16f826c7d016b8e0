package io.tagbase.tagging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.engine.Condition;
import io.tagbase.ingest.TabularFile;
import io.tagbase.job.Job;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import io.tagbase.web.Paging;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(
    name = "Tagging",
    description = "Give and take tags, one at a time or in bulk; members and history")
class TaggingController {
  private final TaggingService tagging;
  private final BulkTagging bulk;
  private final TaxonomyService taxonomy;
  private final MembershipIndex index;
  private final CustomerScopes scopes;
  private final io.tagbase.customer.CustomerService customers;

  TaggingController(
      TaggingService tagging,
      BulkTagging bulk,
      TaxonomyService taxonomy,
      MembershipIndex index,
      CustomerScopes scopes,
      io.tagbase.customer.CustomerService customers) {
    this.scopes = scopes;
    this.customers = customers;
    this.tagging = tagging;
    this.bulk = bulk;
    this.taxonomy = taxonomy;
    this.index = index;
  }

  /** Optional body of a single assignment. */
  record AssignBody(String value, Instant expiresAt, String reason) {}

  /** A bulk request over a list of customer ids. */
  record BulkBody(
      List<String> customerIds,
      String operation,
      Boolean allOrNothing,
      String value,
      String reason) {}

  @GetMapping("/customers/{externalId}/tags")
  @Operation(summary = "A customer's tags with value, who gave them, when, and until when")
  List<CustomerTag> tagsOf(@PathVariable String externalId) {
    return tagging.tagsOf(externalId);
  }

  @GetMapping("/customers/{externalId}/tag-history")
  @Operation(summary = "A customer's tag timeline: every enter and leave, newest first")
  List<MembershipChange> timeline(
      @PathVariable String externalId, @RequestParam(defaultValue = "100") int limit) {
    Paging.checkLimit("limit", limit);
    return tagging.timeline(externalId, limit);
  }

  @PutMapping("/customers/{externalId}/tags/{code}")
  @Operation(
      summary = "Give a customer a tag, or set a layered tag's value",
      description =
          "201 when the customer entered the tag, 200 when it was held (value may change)")
  ResponseEntity<WriteSummary> assign(
      @PathVariable String externalId,
      @PathVariable String code,
      @RequestBody(required = false) AssignBody body,
      Principal principal) {
    AssignBody b = body == null ? new AssignBody(null, null, null) : body;
    WriteSummary result =
        tagging.assign(
            externalId,
            code,
            new AssignOptions(b.value(), b.expiresAt(), b.reason()),
            AssignmentSource.API,
            principal.getName());
    return ResponseEntity.status(result.added() == 1 ? 201 : 200).body(result);
  }

  @DeleteMapping("/customers/{externalId}/tags/{code}")
  @Operation(summary = "Take a tag from a customer (204; 404 when the customer did not have it)")
  ResponseEntity<Void> unassign(
      @PathVariable String externalId,
      @PathVariable String code,
      @RequestParam(required = false) String reason,
      Principal principal) {
    if (!tagging.unassign(externalId, code, AssignmentSource.API, principal.getName(), reason)) {
      throw new NotFoundException(
          "Customer '" + externalId + "' does not have tag '" + code + "'.");
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/tags/{code}/members")
  @Operation(
      summary = "The tag's members: count and one page of external ids",
      description =
          "With value=, members holding that value of a layered tag. With at= (ISO-8601 instant),"
              + " who held the tag at that moment, from the membership history.")
  Object members(
      @PathVariable String code,
      @RequestParam(required = false) String value,
      @RequestParam(required = false) String at,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    Paging.check(page, size);
    var tag = taxonomy.get(code);
    scopes.requireTagVisible(code);
    if (value != null && tag.value(value).isEmpty()) {
      throw new InvalidInputException(
          "value", "'" + value + "' is not a value of tag '" + code + "'.");
    }
    if (at != null) {
      Instant instant;
      try {
        instant = Instant.parse(at);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            "at", "at must be an ISO-8601 instant such as 2026-01-31T16:00:00Z.");
      }
      List<String> holders =
          tagging.holdersAt(code, value, instant).stream().filter(customers::inScope).toList();
      int from = Math.min(holders.size(), page * size);
      return new MemberPage(
          holders.size(), holders.subList(from, Math.min(holders.size(), from + size)));
    }
    return index.page(scopes.restrict(Condition.tag(TagKeys.of(code, value))), page * size, size);
  }

  @GetMapping("/tags/{code}/history")
  @Operation(summary = "The tag's recent enters and leaves, newest first")
  List<MembershipChange> history(
      @PathVariable String code, @RequestParam(defaultValue = "50") int limit) {
    Paging.checkLimit("limit", limit);
    scopes.requireTagVisible(code);
    return tagging.recentChanges(code, limit).stream()
        .filter(c -> customers.inScope(c.customerExternalId()))
        .toList();
  }

  @PostMapping("/tags/{code}/members")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Bulk add or remove customers by id, as a job",
      description = "operation: add (default) or remove; allOrNothing: true (default) or false")
  Job bulk(@PathVariable String code, @RequestBody BulkBody body, Principal principal) {
    if (body.customerIds() == null || body.customerIds().isEmpty()) {
      throw new InvalidInputException(
          "customerIds", "customerIds must list at least one customer.");
    }
    taxonomy.get(code);
    BulkRequest request =
        new BulkRequest(
            code,
            BulkRequest.Operation.parse(body.operation()),
            body.allOrNothing() == null || body.allOrNothing(),
            body.value(),
            body.reason());
    return bulk.start(
        request, BulkFiles.ofIds(body.customerIds()), AssignmentSource.BULK, principal.getName());
  }

  @PostMapping(value = "/tag-assignments/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Bulk add or remove tags from a CSV or Excel file, as a job",
      description =
          "Columns: customer_id (or 客户编号), optional tag, value, expires_at; without a header:"
              + " customer id, value, expiry. tag= names the tag for rows without one.")
  Job upload(
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String tag,
      @RequestParam(defaultValue = "add") String operation,
      @RequestParam(defaultValue = "true") boolean allOrNothing,
      @RequestParam(required = false) String value,
      @RequestParam(required = false) String reason,
      Principal principal)
      throws IOException {
    List<BulkItem> items = BulkFiles.items(TabularFile.read(file.getBytes()));
    if (items.isEmpty()) {
      throw new InvalidInputException("file", "The file has no data rows.");
    }
    BulkRequest request =
        new BulkRequest(
            blankToNull(tag),
            BulkRequest.Operation.parse(operation),
            allOrNothing,
            blankToNull(value),
            reason);
    return bulk.start(request, items, AssignmentSource.IMPORT, principal.getName());
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
