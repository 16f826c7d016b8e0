package io.tagbase.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers")
class ErasureController {
  private final ErasureService erasure;

  ErasureController(ErasureService erasure) {
    this.erasure = erasure;
  }

  @DeleteMapping("/api/v1/customers/{externalId}")
  @Operation(
      summary = "Erase a customer everywhere (right to be forgotten)",
      description =
          "Removes profile, identities, custom fields, events, tags and their history, segment"
              + " memberships, index bitmaps and export files holding the customer. The audit log"
              + " keeps a pseudonym and counts only. Needs the ERASE permission.")
  ErasureService.Erasure erase(@PathVariable String externalId, Principal principal) {
    return erasure.erase(externalId, principal.getName());
  }
}
