package io.tagbase.tagging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.engine.Condition;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.Paging;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tagging", description = "Give and take tags; read members and a customer's tags")
class TaggingController {
  private final TaggingService tagging;
  private final TaxonomyService taxonomy;
  private final MembershipIndex index;

  TaggingController(TaggingService tagging, TaxonomyService taxonomy, MembershipIndex index) {
    this.tagging = tagging;
    this.taxonomy = taxonomy;
    this.index = index;
  }

  @GetMapping("/customers/{externalId}/tags")
  @Operation(summary = "A customer's tags with who gave them and when")
  List<CustomerTag> tagsOf(@PathVariable String externalId) {
    return tagging.tagsOf(externalId);
  }

  @PutMapping("/customers/{externalId}/tags/{code}")
  @Operation(summary = "Give a customer a tag (201 when new, 200 when already held)")
  ResponseEntity<Map<String, Object>> assign(
      @PathVariable String externalId, @PathVariable String code, Principal principal) {
    boolean added = tagging.assign(externalId, code, AssignmentSource.API, principal.getName());
    return ResponseEntity.status(added ? 201 : 200)
        .body(Map.of("customer", externalId, "tag", code, "added", added));
  }

  @DeleteMapping("/customers/{externalId}/tags/{code}")
  @Operation(summary = "Take a tag from a customer (204; 404 when the customer did not have it)")
  ResponseEntity<Void> unassign(@PathVariable String externalId, @PathVariable String code) {
    if (!tagging.unassign(externalId, code)) {
      throw new io.tagbase.web.NotFoundException(
          "Customer '" + externalId + "' does not have tag '" + code + "'.");
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/tags/{code}/members")
  @Operation(summary = "The tag's member count and one page of member external ids")
  MemberPage members(
      @PathVariable String code,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    Paging.check(page, size);
    taxonomy.get(code);
    return index.page(Condition.tag(code), page * size, size);
  }
}
