package io.tagbase.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Keys",
    description = "API keys (REST API) and write keys (tracking API); stored hashed")
class KeyController {
  private final ApiKeyService keys;

  KeyController(ApiKeyService keys) {
    this.keys = keys;
  }

  record NewKey(String name, String kind, String role, String actsAs, Instant expiresAt) {}

  @GetMapping("/api/v1/api-keys")
  @Operation(summary = "Every key without its secret (a short prefix tells them apart)")
  List<KeyInfo> list() {
    return keys.keys();
  }

  @PostMapping("/api/v1/api-keys")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Issue a key: kind API (default) or WRITE, an API key with a role (default ADMIN);"
              + " the secret is shown only in this answer")
  CreatedApiKey create(@RequestBody NewKey key, Principal principal) {
    return keys.issue(
        key.name(),
        key.kind() == null ? "API" : key.kind(),
        key.role(),
        key.actsAs(),
        key.expiresAt(),
        principal.getName());
  }

  @DeleteMapping("/api/v1/api-keys/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke a key at once")
  void revoke(@PathVariable long id, Principal principal) {
    keys.revoke(id, principal.getName());
  }
}
