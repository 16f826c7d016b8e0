package io.tagbase.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Consent", description = "A customer's consent per purpose, with its history")
class ConsentController {
  private final Consents consents;

  ConsentController(Consents consents) {
    this.consents = consents;
  }

  record ConsentsBody(List<ConsentChange> consents) {}

  @GetMapping("/api/v1/customers/{id}/consents")
  @Operation(summary = "The customer's consent per purpose and the latest changes")
  Map<String, Object> get(@PathVariable String id) {
    return Map.of("consents", consents.of(id), "history", consents.history(id, 50));
  }

  @PutMapping("/api/v1/customers/{id}/consents")
  @Operation(summary = "Set consent for one or more purposes (all or none); GRANTED or REFUSED")
  Map<String, Object> put(
      @PathVariable String id, @RequestBody ConsentsBody body, Principal principal) {
    consents.set(id, body == null ? null : body.consents(), principal.getName());
    return get(id);
  }
}
