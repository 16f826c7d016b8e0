package io.tagbase.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.storage.Retries;
import io.tagbase.web.PageResult;
import io.tagbase.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customer profiles (phone and email are personal data)")
class CustomerController {
  private final CustomerService customers;
  private final CustomerProfiles profiles;
  private final io.tagbase.privacy.AuditLog audit;

  CustomerController(
      CustomerService customers, CustomerProfiles profiles, io.tagbase.privacy.AuditLog audit) {
    this.audit = audit;
    this.customers = customers;
    this.profiles = profiles;
  }

  @GetMapping
  @Operation(summary = "List customers, optionally filtered by id, name or city")
  PageResult<Customer> list(
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    Paging.check(page, size);
    return customers.search(q, page, size);
  }

  @GetMapping("/{externalId}")
  @Operation(summary = "Read one customer by external id")
  Customer get(@PathVariable String externalId, Principal principal) {
    Customer customer = customers.get(externalId);
    audit.record(principal.getName(), "VIEW_PERSONAL_DATA", "customer", externalId, "API");
    return customer;
  }

  @PostMapping
  @Operation(
      summary = "Create or update a customer (upsert)",
      description =
          "Found by externalId or any identifier (identities: userId, anonymousId, phone, email,"
              + " wecom, crmId; phone and email fields count too). 201 when created, 200 when"
              + " updated; profiles the identifiers join are merged.")
  ResponseEntity<Customer> upsert(@Valid @RequestBody NewCustomer customer, Principal principal) {
    var result = Retries.onDuplicateKey(() -> profiles.upsert(customer, principal.getName()));
    return ResponseEntity.status(result.created() ? 201 : 200).body(result.customer());
  }

  record Batch(
      @Valid
          @jakarta.validation.constraints.NotNull(message = "must hold 1 to 1000 customers")
          @Size(min = 1, max = 1000, message = "must hold 1 to 1000 customers")
          List<NewCustomer> customers) {}

  record BatchResult(int created, int updated, int merged) {}

  @PostMapping("/batch")
  @Operation(
      summary = "Create or update up to 1,000 customers at once",
      description = "All or nothing: one invalid customer refuses the batch, naming it")
  BatchResult batch(@Valid @RequestBody Batch batch, Principal principal) {
    return Retries.onDuplicateKey(() -> profiles.upsertAll(batch.customers(), principal.getName()));
  }

  record Owner(String owner) {}

  @GetMapping("/{externalId}/owner")
  @Operation(summary = "The customer's owner: the sales rep (user name) who looks after them")
  Owner owner(@PathVariable String externalId) {
    return new Owner(customers.owner(externalId));
  }

  @org.springframework.web.bind.annotation.PutMapping("/{externalId}/owner")
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Set the customer's owner (a user name; null for nobody)",
      description = "Sales reps see only the customers they own. Needs a role that sees all.")
  void setOwner(@PathVariable String externalId, @RequestBody Owner owner, Principal principal) {
    customers.assignOwner(externalId, owner.owner(), principal.getName());
  }

  @GetMapping("/{externalId}/profile")
  @Operation(summary = "A customer's identities, custom field values and profile history")
  Profile profile(@PathVariable String externalId) {
    return profiles.profile(externalId);
  }

  @GetMapping("/{externalId}/events")
  @Operation(summary = "A customer's most recent events, newest first")
  List<CustomerEvent> events(
      @PathVariable String externalId, @RequestParam(defaultValue = "50") int limit) {
    Paging.checkLimit("limit", limit);
    return customers.recentEvents(externalId, limit);
  }
}
