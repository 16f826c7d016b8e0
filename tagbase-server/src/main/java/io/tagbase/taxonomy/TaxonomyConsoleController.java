package io.tagbase.taxonomy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class TaxonomyConsoleController {
  private final TaxonomyService taxonomy;
  private final MemberCounts counts;

  TaxonomyConsoleController(TaxonomyService taxonomy, MemberCounts counts) {
    this.taxonomy = taxonomy;
    this.counts = counts;
  }

  @GetMapping("/tags")
  String tree(Model model) {
    model.addAttribute("tree", taxonomy.tree());
    model.addAttribute("counts", counts);
    model.addAttribute("population", counts.population());
    return "taxonomy/tree";
  }
}
