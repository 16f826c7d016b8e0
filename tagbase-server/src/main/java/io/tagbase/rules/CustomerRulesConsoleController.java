package io.tagbase.rules;

import io.tagbase.tagging.MembershipIndex;
import io.tagbase.web.ConflictException;
import io.tagbase.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The customer page's rule card (loaded with htmx): every rule and layered list tag with whether
 * the customer holds it, and for any of them why, clause by clause, as of today.
 */
@Controller
class CustomerRulesConsoleController {
  private final RuleService rules;
  private final TemplateService templates;
  private final MembershipIndex index;

  CustomerRulesConsoleController(
      RuleService rules, TemplateService templates, MembershipIndex index) {
    this.rules = rules;
    this.templates = templates;
    this.index = index;
  }

  /** One rule tag as the customer stands with it. */
  record Row(TagRule rule, String held, boolean explainable) {}

  @GetMapping("/customers/{id}/rules")
  String card(@PathVariable String id, Model model) {
    List<String> keys = index.tagsOf(id);
    List<Row> rows = new ArrayList<>();
    for (TagRule rule : rules.rules()) {
      String held = null;
      for (String key : keys) {
        if (key.equals(rule.tagCode()) && held == null) {
          held = "✓";
        } else if (key.startsWith(rule.tagCode() + "=")) {
          held = key.substring(rule.tagCode().length() + 1);
        }
      }
      rows.add(new Row(rule, held, rule.flag() || "LAYERED".equals(rule.program())));
    }
    java.util.Map<String, Double> numbers = templates.numbers(id);
    rows.replaceAll(
        r ->
            numbers.containsKey(r.rule().tagCode())
                ? new Row(
                    r.rule(),
                    (r.held() == null ? "" : r.held() + " · ")
                        + io.tagbase.rules.TemplateForm.numbers(
                            List.of(numbers.get(r.rule().tagCode()))),
                    r.explainable())
                : r);
    model.addAttribute("customerId", id);
    model.addAttribute("rows", rows);
    return "rules/customer-rules :: card";
  }

  @GetMapping("/customers/{id}/rules/{code}/explain")
  String explain(@PathVariable String id, @PathVariable String code, Model model) {
    try {
      TagRule rule = rules.get(code);
      List<String> lines =
          rule.flag()
              ? List.of(rules.explain(code, id, rules.today()).toString().split("\n"))
              : templates.explainLayered(code, id, rules.today());
      model.addAttribute("lines", lines);
    } catch (NotFoundException | ConflictException | RuleRefused e) {
      model.addAttribute("problem", e.getMessage());
    }
    return "rules/rule :: explain";
  }
}
