package io.tagbase.taxonomy;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The taxonomy tree page and the tag detail page. */
@Controller
class TaxonomyConsoleController {
  private final TaxonomyService taxonomy;
  private final MemberCounts counts;

  TaxonomyConsoleController(TaxonomyService taxonomy, MemberCounts counts) {
    this.taxonomy = taxonomy;
    this.counts = counts;
  }

  @GetMapping("/tags")
  String tree(Model model, Locale locale) {
    var tree = taxonomy.tree();
    model.addAttribute("tree", tree);
    model.addAttribute("counts", counts);
    model.addAttribute("population", counts.population());
    model.addAttribute("categoryOptions", CategoryOption.of(tree, locale));
    model.addAttribute("allTags", taxonomy.tags());
    addChoices(model);
    return "taxonomy/tree";
  }

  @GetMapping("/tags/{code}")
  String detail(@PathVariable String code, Model model, Locale locale) {
    TagDefinition tag = taxonomy.get(code);
    TagCategory category =
        taxonomy.categories().stream()
            .filter(c -> c.id() == tag.categoryId())
            .findFirst()
            .orElseThrow();
    model.addAttribute("tag", tag);
    model.addAttribute("category", category);
    model.addAttribute("members", counts.count(code));
    model.addAttribute("population", counts.population());
    model.addAttribute("versions", VersionRow.of(taxonomy.versions(code)));
    model.addAttribute("form", TagForm.of(tag, category.code()));
    model.addAttribute("categoryOptions", CategoryOption.of(taxonomy.tree(), locale));
    addChoices(model);
    return "taxonomy/tag";
  }

  private static void addChoices(Model model) {
    model.addAttribute("kinds", TagKind.values());
    model.addAttribute("valueTypes", TagValueType.values());
    model.addAttribute("refreshModes", RefreshMode.values());
    model.addAttribute("sensitivities", Sensitivity.values());
    model.addAttribute("newStatuses", new TagStatus[] {TagStatus.DRAFT, TagStatus.ACTIVE});
  }
}
