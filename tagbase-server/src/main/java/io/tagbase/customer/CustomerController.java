package io.tagbase.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.web.PageResult;
import io.tagbase.web.Paging;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customer profiles (phone and email are personal data)")
class CustomerController {
  private final CustomerService customers;

  CustomerController(CustomerService customers) {
    this.customers = customers;
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
  Customer get(@PathVariable String externalId) {
    return customers.get(externalId);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a customer")
  Customer create(@Valid @RequestBody NewCustomer customer) {
    return customers.create(customer);
  }

  @GetMapping("/{externalId}/events")
  @Operation(summary = "A customer's most recent events, newest first")
  List<CustomerEvent> events(
      @PathVariable String externalId, @RequestParam(defaultValue = "50") int limit) {
    Paging.checkLimit("limit", limit);
    return customers.recentEvents(externalId, limit);
  }
}
