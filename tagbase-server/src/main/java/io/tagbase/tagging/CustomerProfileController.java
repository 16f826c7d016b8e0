package io.tagbase.tagging;

import io.tagbase.customer.AttributeSchema;
import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerProfiles;
import io.tagbase.customer.CustomerService;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TaxonomyService;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** The customer profile page: attributes, tags with their provenance, recent events. */
@Controller
class CustomerProfileController {
  private final CustomerService customers;
  private final TaxonomyService taxonomy;
  private final TaggingService tagging;
  private final CustomerProfiles profiles;
  private final AttributeSchema schema;
  private final io.tagbase.privacy.AuditLog audit;

  CustomerProfileController(
      CustomerService customers,
      TaxonomyService taxonomy,
      TaggingService tagging,
      CustomerProfiles profiles,
      AttributeSchema schema,
      io.tagbase.privacy.AuditLog audit) {
    this.audit = audit;
    this.customers = customers;
    this.taxonomy = taxonomy;
    this.tagging = tagging;
    this.profiles = profiles;
    this.schema = schema;
  }

  @GetMapping("/customers/{externalId}")
  String detail(@PathVariable String externalId, Model model, Principal principal) {
    Customer customer = customers.get(externalId);
    audit.record(
        principal.getName(), "VIEW_PERSONAL_DATA", "customer", externalId, "console profile page");
    List<CustomerTag> tags = tagging.tagsOf(externalId);
    Set<String> held = tags.stream().map(CustomerTag::code).collect(Collectors.toSet());
    // A layered tag stays offered while held, so its value can be changed.
    List<TagDefinition> assignable =
        taxonomy.tags().stream()
            .filter(t -> t.status().assignable() && (t.layered() || !held.contains(t.code())))
            .toList();
    model.addAttribute("customer", customer);
    model.addAttribute("tags", tags);
    model.addAttribute("assignable", assignable);
    model.addAttribute("events", customers.recentEvents(externalId, 30));
    model.addAttribute("timeline", tagging.timeline(externalId, 50));
    model.addAttribute("profile", profiles.profile(externalId));
    model.addAttribute("fields", schema.fields());
    return "tagging/customer";
  }

  /** {@code code} is a tag code, or {@code code=value} for a layered tag's value. */
  @PostMapping("/customers/{externalId}/tags")
  String assign(@PathVariable String externalId, @RequestParam String code, Principal principal) {
    int eq = code.indexOf('=');
    String tag = eq < 0 ? code : code.substring(0, eq);
    String value = eq < 0 ? null : code.substring(eq + 1);
    tagging.assign(
        externalId, tag, AssignOptions.value(value), AssignmentSource.MANUAL, principal.getName());
    return redirect(externalId);
  }

  @PostMapping("/customers/{externalId}/tags/{code}/remove")
  String remove(@PathVariable String externalId, @PathVariable String code, Principal principal) {
    tagging.unassign(externalId, code, AssignmentSource.MANUAL, principal.getName(), null);
    return redirect(externalId);
  }

  private static String redirect(String externalId) {
    return "redirect:/customers/" + UriUtils.encodePathSegment(externalId, "UTF-8");
  }
}
