package io.tagbase.analytics;

import io.tagbase.customer.CustomerService;
import io.tagbase.engine.Condition;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TaxonomyService;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's home page: how many customers, tags and tagged customers, and the largest tags. */
@Controller
class OverviewController {
  private final CustomerService customers;
  private final TaxonomyService taxonomy;
  private final MembershipIndex index;

  OverviewController(CustomerService customers, TaxonomyService taxonomy, MembershipIndex index) {
    this.customers = customers;
    this.taxonomy = taxonomy;
    this.index = index;
  }

  record TagSize(TagDefinition tag, long members) {}

  @GetMapping("/")
  String overview(Model model) {
    List<TagDefinition> tags = taxonomy.tags();
    List<TagSize> sizes =
        tags.stream()
            .map(t -> new TagSize(t, index.count(t.code())))
            .sorted(Comparator.comparingLong(TagSize::members).reversed())
            .limit(10)
            .toList();
    long tagged =
        tags.isEmpty()
            ? 0
            : index.count(Condition.or(tags.stream().map(t -> Condition.tag(t.code())).toList()));
    model.addAttribute("customers", customers.count());
    model.addAttribute("population", index.population());
    model.addAttribute("tagCount", tags.size());
    model.addAttribute("categoryCount", taxonomy.categories().size());
    model.addAttribute("tagged", tagged);
    model.addAttribute("topTags", sizes);
    return "analytics/overview";
  }
}
