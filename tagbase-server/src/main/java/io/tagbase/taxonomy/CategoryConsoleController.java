package io.tagbase.taxonomy;

import java.security.Principal;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console forms that change categories; each answers with a redirect to the tree and a notice. */
@Controller
class CategoryConsoleController {
  private static final String TREE = "redirect:/tags";
  private final TaxonomyService taxonomy;
  private final CategoryEditor categories;
  private final StarterTaxonomy starter;
  private final ConsoleFlash flash;

  CategoryConsoleController(
      TaxonomyService taxonomy,
      CategoryEditor categories,
      StarterTaxonomy starter,
      ConsoleFlash flash) {
    this.taxonomy = taxonomy;
    this.categories = categories;
    this.starter = starter;
    this.flash = flash;
  }

  @PostMapping("/tags/categories")
  String create(
      @RequestParam String code,
      @RequestParam(required = false) String parentCode,
      @RequestParam String nameZh,
      @RequestParam String nameEn,
      Locale locale,
      RedirectAttributes redirect) {
    var category = new NewCategory(code.strip(), parentCode, nameZh.strip(), nameEn.strip(), null);
    flash.run(
        redirect,
        locale,
        () -> taxonomy.createCategory(flash.valid(category)),
        "taxonomy.notice.categoryCreated",
        code);
    return TREE;
  }

  @PostMapping("/tags/categories/{code}/rename")
  String rename(
      @PathVariable String code,
      @RequestParam String nameZh,
      @RequestParam String nameEn,
      @RequestParam(required = false) Integer sortOrder,
      Locale locale,
      RedirectAttributes redirect) {
    var change = CategoryChange.rename(nameZh, nameEn, sortOrder);
    flash.run(
        redirect,
        locale,
        () -> categories.update(code, flash.valid(change)),
        "taxonomy.notice.categoryRenamed",
        code);
    return TREE;
  }

  @PostMapping("/tags/move-category")
  String move(
      @RequestParam String category,
      @RequestParam(required = false) String parent,
      Locale locale,
      RedirectAttributes redirect) {
    flash.run(
        redirect,
        locale,
        () -> categories.move(category, parent),
        "taxonomy.notice.categoryMoved",
        category);
    return TREE;
  }

  @PostMapping("/tags/categories/{code}/delete")
  String delete(@PathVariable String code, Locale locale, RedirectAttributes redirect) {
    flash.run(
        redirect, locale, () -> categories.delete(code), "taxonomy.notice.categoryDeleted", code);
    return TREE;
  }

  @PostMapping("/tags/starter")
  String installStarter(Principal principal, Locale locale, RedirectAttributes redirect) {
    StarterReport report = starter.install(principal.getName());
    if (report.alreadyInstalled()) {
      flash.notice(
          redirect, locale, "taxonomy.starter.nothing", report.categoriesKept(), report.tagsKept());
    } else {
      flash.notice(
          redirect,
          locale,
          "taxonomy.starter.installed",
          report.categoriesAdded().size(),
          report.tagsAdded().size(),
          report.categoriesKept(),
          report.tagsKept());
    }
    return TREE;
  }
}
