package io.tagbase.automation;

import io.tagbase.privacy.Consents;
import io.tagbase.segment.SegmentLibrary;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Automations in the console: list, editor with a test against one customer, run log, dead letters.
 */
@Controller
class AutomationConsoleController {
  private final AutomationService automations;
  private final TaxonomyService taxonomy;
  private final SegmentLibrary segments;
  private final TaskService tasks;
  private final CouponService coupons;

  AutomationConsoleController(
      AutomationService automations,
      TaxonomyService taxonomy,
      SegmentLibrary segments,
      TaskService tasks,
      CouponService coupons) {
    this.automations = automations;
    this.taxonomy = taxonomy;
    this.segments = segments;
    this.tasks = tasks;
    this.coupons = coupons;
  }

  @GetMapping("/automations")
  String list(Model model) {
    model.addAttribute("automations", automations.all());
    model.addAttribute("deadLetters", automations.deadLetters(null, 500).size());
    return "automation/list";
  }

  @GetMapping("/automations/new")
  String create(Model model) {
    return editor(model, AutomationForm.empty(), false, null);
  }

  @GetMapping("/automations/{code}")
  String edit(@PathVariable String code, Model model) {
    return editor(model, automations.get(code).toNew(), true, null);
  }

  @PostMapping("/automations/save")
  String save(
      @RequestParam Map<String, String> form,
      @RequestParam(defaultValue = "false") boolean existing,
      Model model,
      Principal principal,
      RedirectAttributes redirect) {
    NewAutomation draft;
    try {
      draft = AutomationForm.read(form);
      if (existing) {
        automations.update(draft.code(), draft, principal.getName());
      } else {
        automations.create(draft, principal.getName());
      }
    } catch (InvalidInputException e) {
      return editor(model, safeRead(form), existing, e.field() + ": " + e.getMessage());
    } catch (ConflictException | NotFoundException e) {
      return editor(model, safeRead(form), existing, e.getMessage());
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/automations/" + UriUtils.encodePathSegment(draft.code(), "UTF-8");
  }

  /** "Test with one customer": the checks and actions for the form as it stands. */
  @PostMapping("/automations/test")
  String test(@RequestParam Map<String, String> form, Model model) {
    String customer = form.get("testCustomer");
    try {
      if (customer == null || customer.isBlank()) {
        throw new InvalidInputException("testCustomer", "Give the id of a customer to test with.");
      }
      model.addAttribute("result", automations.test(AutomationForm.read(form), customer.trim()));
    } catch (InvalidInputException e) {
      model.addAttribute("problem", e.field() + ": " + e.getMessage());
    } catch (NotFoundException e) {
      model.addAttribute("problem", e.getMessage());
    }
    return "automation/editor :: test";
  }

  @PostMapping("/automations/{code}/enabled")
  String enabled(@PathVariable String code, @RequestParam boolean enabled, Principal principal) {
    automations.setEnabled(code, enabled, principal.getName());
    return "redirect:/automations/" + UriUtils.encodePathSegment(code, "UTF-8") + "/runs";
  }

  @GetMapping("/automations/{code}/runs")
  String runs(
      @PathVariable String code,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String customer,
      Model model) {
    String o = outcome == null || outcome.isBlank() ? null : outcome;
    String c = customer == null || customer.isBlank() ? null : customer.trim();
    model.addAttribute("automation", automations.get(code));
    model.addAttribute(
        "summary",
        automations.all().stream()
            .filter(s -> s.automation().code().equals(code))
            .findFirst()
            .orElseThrow());
    model.addAttribute("outcome", o);
    model.addAttribute("customer", c);
    model.addAttribute(
        "outcomes",
        List.of("TRIGGERED", "SKIPPED", "DEFERRED", "DELIVERED", "RETRIED", "FAILED", "REPLAYED"));
    try {
      model.addAttribute("runs", automations.runs(code, c, o, 200));
    } catch (NotFoundException e) {
      model.addAttribute("runs", List.of());
      model.addAttribute("problem", e.getMessage());
    }
    return "automation/runs";
  }

  @GetMapping("/automations/dead-letters")
  String deadLetters(@RequestParam(required = false) String automation, Model model) {
    String a = automation == null || automation.isBlank() ? null : automation;
    model.addAttribute("automation", a);
    model.addAttribute("letters", automations.deadLetters(a, 200));
    return "automation/dead-letters";
  }

  @PostMapping("/automations/dead-letters/{id}/replay")
  String replay(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
    OutboxRow row = automations.replay(id, principal.getName());
    redirect.addFlashAttribute("replayed", row.idemKey());
    return "redirect:/automations/dead-letters";
  }

  private String editor(Model model, NewAutomation draft, boolean existing, String problem) {
    model.addAttribute("draft", draft);
    model.addAttribute("slots", AutomationForm.slots(draft));
    model.addAttribute("existing", existing);
    model.addAttribute("problem", problem);
    model.addAttribute("triggerKinds", TriggerKind.values());
    model.addAttribute("actionKinds", ActionKind.values());
    model.addAttribute("tags", taxonomy.tags());
    model.addAttribute("segments", segments.all());
    model.addAttribute("teams", tasks.teams().keySet());
    model.addAttribute("batches", coupons.batches());
    model.addAttribute("purposes", Consents.PURPOSES);
    return "automation/editor";
  }

  private static NewAutomation safeRead(Map<String, String> form) {
    try {
      return AutomationForm.read(form);
    } catch (InvalidInputException e) {
      return AutomationForm.empty();
    }
  }
}
