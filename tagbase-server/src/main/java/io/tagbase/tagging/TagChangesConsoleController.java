package io.tagbase.tagging;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The tag page's recent member changes, loaded into it by htmx (taxonomy does not know tagging).
 */
@Controller
class TagChangesConsoleController {
  private final TaggingService tagging;

  TagChangesConsoleController(TaggingService tagging) {
    this.tagging = tagging;
  }

  @GetMapping("/tags/{code}/recent-changes")
  String changes(@PathVariable String code, Model model) {
    model.addAttribute("changes", tagging.recentChanges(code, 30));
    return "tagging/recent-changes :: changes";
  }
}
