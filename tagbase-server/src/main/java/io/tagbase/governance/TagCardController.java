package io.tagbase.governance;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The governance card on a tag's page, loaded by htmx so the taxonomy's page knows only its URL:
 * quality score, findings, last viewed and used, pending change requests, where-used.
 */
@Controller
class TagCardController {
  private final TagOverviews overviews;

  TagCardController(TagOverviews overviews) {
    this.overviews = overviews;
  }

  @GetMapping("/governance/tags/{code}/card")
  String card(@PathVariable String code, Locale locale, Model model) {
    model.addAttribute("overview", overviews.of(code, locale));
    return "governance/card :: card";
  }
}
