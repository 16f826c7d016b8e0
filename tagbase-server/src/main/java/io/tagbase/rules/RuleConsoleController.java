package io.tagbase.rules;

import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rule editor page of a tag: check as you type with the live count, save, evaluate, explain.
 */
@Controller
class RuleConsoleController {
  private final RuleService rules;
  private final TaxonomyService taxonomy;

  RuleConsoleController(RuleService rules, TaxonomyService taxonomy) {
    this.rules = rules;
    this.taxonomy = taxonomy;
  }

  @GetMapping("/tags/{code}/rule")
  String page(@PathVariable String code, Model model) {
    model.addAttribute("tag", taxonomy.get(code));
    TagRule rule = null;
    try {
      rule = rules.get(code);
    } catch (NotFoundException e) {
      // A tag without a rule yet: the editor starts empty.
    }
    model.addAttribute("rule", rule);
    model.addAttribute("text", rule == null ? "" : rule.text());
    return "rules/rule";
  }

  /** The check fragment: every error with its position and suggestion, or the live count. */
  @PostMapping("/tags/{code}/rule/check")
  String check(
      @PathVariable String code, @RequestParam(required = false) String text, Model model) {
    model.addAttribute("tagCode", code);
    if (text == null || text.isBlank()) {
      model.addAttribute("empty", true);
      return "rules/rule :: check";
    }
    try {
      model.addAttribute("dryRun", rules.dryRun(text, code, rules.today()));
    } catch (RuleRefused e) {
      model.addAttribute("errors", e.errors());
    }
    return "rules/rule :: check";
  }

  @PostMapping("/tags/{code}/rule")
  String save(
      @PathVariable String code, @RequestParam String text, Principal principal, Model model) {
    try {
      model.addAttribute("evaluation", rules.save(code, text, principal.getName()));
    } catch (RuleRefused e) {
      model.addAttribute("errors", e.errors());
    } catch (io.tagbase.web.ChangeAwaitsApproval e) {
      model.addAttribute("awaitsApproval", e);
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("problem", e.getMessage());
    }
    page(code, model);
    model.addAttribute("text", text);
    return "rules/rule";
  }

  @PostMapping("/tags/{code}/rule/evaluate")
  String evaluate(@PathVariable String code, Model model) {
    try {
      model.addAttribute("evaluation", rules.evaluate(code, rules.today()));
    } catch (RuleRefused e) {
      model.addAttribute("errors", e.errors());
    }
    return page(code, model);
  }

  /** The explain fragment for one customer. */
  @GetMapping("/tags/{code}/rule/explain-view")
  String explain(@PathVariable String code, @RequestParam String customer, Model model) {
    try {
      model.addAttribute(
          "lines", List.of(rules.explain(code, customer, rules.today()).toString().split("\n")));
    } catch (NotFoundException | RuleRefused e) {
      model.addAttribute("problem", e.getMessage());
    }
    return "rules/rule :: explain";
  }
}
