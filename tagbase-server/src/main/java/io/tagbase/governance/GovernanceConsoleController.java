package io.tagbase.governance;

import io.tagbase.rules.RuleService;
import io.tagbase.rules.TemplateService;
import io.tagbase.taxonomy.StatusChange;
import io.tagbase.taxonomy.TagEditor;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The governance center in the console: findings with one-click actions, similar tags, recent
 * merges with undo, the merge dialog with its preview, naming standards and the approvals inbox.
 */
@Controller
class GovernanceConsoleController {
  private final TagHealth health;
  private final SimilarTags similar;
  private final TagMerger merger;
  private final Approvals approvals;
  private final NamingStandards naming;
  private final TagUsages usages;
  private final TagEditor editor;
  private final TaxonomyService taxonomy;
  private final RuleService rules;
  private final TemplateService templates;
  private final TagActivityLog activity;

  GovernanceConsoleController(
      TagActivityLog activity,
      TagHealth health,
      SimilarTags similar,
      TagMerger merger,
      Approvals approvals,
      NamingStandards naming,
      TagUsages usages,
      TagEditor editor,
      TaxonomyService taxonomy,
      RuleService rules,
      TemplateService templates) {
    this.activity = activity;
    this.health = health;
    this.similar = similar;
    this.merger = merger;
    this.approvals = approvals;
    this.naming = naming;
    this.usages = usages;
    this.editor = editor;
    this.taxonomy = taxonomy;
    this.rules = rules;
    this.templates = templates;
  }

  @GetMapping("/governance")
  String center(
      @RequestParam(defaultValue = "findings") String tab, java.util.Locale locale, Model model) {
    model.addAttribute("tab", tab);
    switch (tab) {
      case "similar" -> {
        model.addAttribute("byName", similar.byName());
        model.addAttribute("byDefinition", similar.byDefinition());
        model.addAttribute("byMembers", similar.byMembers(0.8, 0.95));
      }
      case "quality" -> model.addAttribute("quality", health.quality());
      case "merges" -> model.addAttribute("merges", merger.recent(50));
      case "naming" -> {
        model.addAttribute("standards", naming.all());
        model.addAttribute("categories", taxonomy.categories());
      }
      default -> {
        model.addAttribute("tab", "findings");
        model.addAttribute("findings", health.findings(null, locale));
        model.addAttribute("idleDays", health.idleDays());
      }
    }
    return "governance/center";
  }

  @GetMapping("/governance/where-used/{code}")
  String whereUsed(@PathVariable String code, Model model) {
    model.addAttribute("where", usages.of(code));
    model.addAttribute("tag", taxonomy.get(code));
    model.addAttribute("mergedInto", merger.mergedInto(code).orElse(null));
    model.addAttribute("activity", activity.all().get(code));
    return "governance/where-used";
  }

  /** One-click actions: DEPRECATE, ARCHIVE, EVALUATE. Refusals come back as the page's message. */
  @PostMapping("/governance/tags/{code}/action")
  String action(
      @PathVariable String code,
      @RequestParam String action,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      switch (action) {
        case "DEPRECATE" ->
            editor.changeStatus(code, new StatusChange("DEPRECATED", null), principal.getName());
        case "ARCHIVE" ->
            editor.changeStatus(code, new StatusChange("ARCHIVED", null), principal.getName());
        case "EVALUATE" -> {
          if (rules.get(code).flag()) {
            rules.evaluate(code, rules.today());
          } else {
            templates.evaluate(code, rules.today());
          }
        }
        default -> throw new InvalidInputException("action", "Unknown action " + action + ".");
      }
      redirect.addFlashAttribute("done", code);
    } catch (InvalidInputException | ConflictException | NotFoundException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/governance";
  }

  @GetMapping("/governance/merge")
  String mergeDialog(
      @RequestParam(required = false) String kept,
      @RequestParam(required = false) String merged,
      Model model) {
    model.addAttribute("kept", kept);
    model.addAttribute("merged", merged);
    model.addAttribute("tags", taxonomy.tags());
    if (kept != null && !kept.isBlank() && merged != null && !merged.isBlank()) {
      try {
        model.addAttribute("preview", merger.preview(kept, codes(merged)));
      } catch (InvalidInputException | ConflictException | NotFoundException e) {
        model.addAttribute("problem", e.getMessage());
      }
    }
    return "governance/merge";
  }

  @PostMapping("/governance/merges")
  String merge(
      @RequestParam String kept,
      @RequestParam String merged,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      TagMerge merge = merger.merge(kept, codes(merged), principal.getName());
      List<String> problems = merger.refresh(merge.id());
      redirect.addFlashAttribute("mergeDone", merge);
      if (!problems.isEmpty()) {
        redirect.addFlashAttribute("problem", String.join("; ", problems));
      }
      return "redirect:/governance?tab=merges";
    } catch (InvalidInputException | ConflictException | NotFoundException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      redirect.addAttribute("kept", kept);
      redirect.addAttribute("merged", merged);
      return "redirect:/governance/merge";
    }
  }

  @PostMapping("/governance/merges/{id}/undo")
  String undo(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
    try {
      merger.undo(id, principal.getName());
      merger.refresh(id);
      redirect.addFlashAttribute("undone", id);
    } catch (ConflictException | NotFoundException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/governance?tab=merges";
  }

  @PostMapping("/governance/naming")
  String saveStandard(
      @RequestParam String categoryCode,
      @RequestParam(required = false) String codePattern,
      @RequestParam(defaultValue = "false") boolean requireDescription,
      @RequestParam(defaultValue = "false") boolean requireOwner,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      naming.save(
          new NamingStandard(categoryCode, codePattern, requireDescription, requireOwner),
          principal.getName());
      redirect.addFlashAttribute("done", categoryCode);
    } catch (InvalidInputException | NotFoundException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/governance?tab=naming";
  }

  @GetMapping("/governance/approvals")
  String inbox(@RequestParam(defaultValue = "PENDING") String status, Model model) {
    String filter = List.of("PENDING", "APPROVED", "REJECTED").contains(status) ? status : null;
    model.addAttribute("status", filter == null ? "ALL" : filter);
    model.addAttribute(
        "requests",
        approvals.list(filter, 200).stream().map(GovernanceController.ApprovalView::of).toList());
    return "governance/approvals";
  }

  @PostMapping("/governance/approvals/{id}/{decision}")
  String decide(
      @PathVariable long id,
      @PathVariable String decision,
      @RequestParam(required = false) String note,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      if ("approve".equals(decision)) {
        approvals.approve(id, principal.getName(), note);
      } else if ("reject".equals(decision)) {
        approvals.reject(id, principal.getName(), note);
      } else {
        throw new InvalidInputException("decision", "Decide approve or reject.");
      }
      redirect.addFlashAttribute("done", String.valueOf(id));
    } catch (InvalidInputException | ConflictException | NotFoundException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/governance/approvals";
  }

  private static List<String> codes(String list) {
    return Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
  }
}
