package io.tagbase.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.Paging;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Who did what and when; read only")
class AuditController {
  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/api/v1/audit")
  @Operation(summary = "Search the audit log, newest first (from/to are ISO-8601 instants)")
  List<AuditEntry> search(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "100") int limit) {
    Paging.checkLimit("limit", limit);
    return audit.search(
        blank(actor), blank(action), instant("from", from), instant("to", to), limit);
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  static Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, field + " must be an ISO-8601 instant such as 2026-01-31T16:00:00Z.");
    }
  }
}
