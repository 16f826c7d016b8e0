package io.tagbase.customer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class CustomerConsoleController {
  private static final int PAGE_SIZE = 20;
  private final CustomerService customers;

  CustomerConsoleController(CustomerService customers) {
    this.customers = customers;
  }

  @GetMapping("/customers")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("q", q);
    model.addAttribute("result", customers.search(q, Math.max(0, page), PAGE_SIZE));
    return "customer/list";
  }

  /** Sets the owner from the customer page; only roles that see all customers may. */
  @org.springframework.web.bind.annotation.PostMapping("/customers/{externalId}/owner")
  String owner(
      @org.springframework.web.bind.annotation.PathVariable String externalId,
      @RequestParam(required = false) String owner,
      java.security.Principal principal) {
    customers.assignOwner(externalId, owner, principal.getName());
    return "redirect:/customers/"
        + org.springframework.web.util.UriUtils.encodePathSegment(externalId, "UTF-8");
  }
}
