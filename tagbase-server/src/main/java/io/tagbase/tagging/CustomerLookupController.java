package io.tagbase.tagging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.customer.CustomerEvent;
import io.tagbase.customer.CustomerProfiles;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.Identity;
import io.tagbase.customer.IdentityKind;
import io.tagbase.customer.Profile;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads a whole profile back by any of its identifiers. */
@RestController
@Tag(name = "Customers")
class CustomerLookupController {
  private final CustomerProfiles profiles;
  private final CustomerService customers;
  private final TaggingService tagging;
  private final io.tagbase.privacy.AuditLog audit;

  CustomerLookupController(
      CustomerProfiles profiles,
      CustomerService customers,
      TaggingService tagging,
      io.tagbase.privacy.AuditLog audit) {
    this.audit = audit;
    this.profiles = profiles;
    this.customers = customers;
    this.tagging = tagging;
  }

  /** A profile with its identities, custom fields, history, tags and most recent events. */
  record FullProfile(Profile profile, List<CustomerTag> tags, List<CustomerEvent> recentEvents) {}

  @GetMapping("/api/v1/customers/lookup")
  @Operation(
      summary = "Find a profile by one identifier",
      description = "Give exactly one of userId, anonymousId, phone, email, wecom, crmId.")
  FullProfile lookup(@RequestParam Map<String, String> params, java.security.Principal principal) {
    Map<String, String> given = new LinkedHashMap<>(params);
    given.values().removeIf(v -> v == null || v.isBlank());
    if (given.size() != 1) {
      throw new InvalidInputException(
          "userId", "Give exactly one of userId, anonymousId, phone, email, wecom, crmId.");
    }
    var entry = given.entrySet().iterator().next();
    Identity identity;
    try {
      identity = Identity.of(IdentityKind.parse(entry.getKey()), entry.getValue());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(entry.getKey(), entry.getKey() + " " + e.getMessage() + ".");
    }
    var customer =
        profiles
            .lookup(identity)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No customer with " + entry.getKey() + " '" + entry.getValue() + "'."));
    audit.record(
        principal.getName(), "VIEW_PERSONAL_DATA", "customer", customer.externalId(), "API lookup");
    return new FullProfile(
        profiles.profile(customer.externalId()),
        tagging.tagsOf(customer.externalId()),
        customers.recentEvents(customer.externalId(), 20));
  }
}
