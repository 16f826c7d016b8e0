package io.tagbase.automation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.Paging;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Automations",
    description = "Triggers, conditions and actions; run log, dead letters and replay")
class AutomationController {
  private final AutomationService automations;

  AutomationController(AutomationService automations) {
    this.automations = automations;
  }

  record TestRequest(NewAutomation automation, String customer) {}

  @GetMapping("/api/v1/automations")
  @Operation(summary = "Every automation with its action rows by status")
  List<AutomationSummary> list() {
    return automations.all();
  }

  @PostMapping("/api/v1/automations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an automation; 400 naming the field at fault, 409 for a taken code")
  Automation create(@RequestBody NewAutomation automation, Principal principal) {
    return automations.create(automation, principal.getName());
  }

  @GetMapping("/api/v1/automations/{code}")
  @Operation(summary = "One automation (webhook secrets masked)")
  Automation get(@PathVariable String code) {
    return automations.get(code);
  }

  @PutMapping("/api/v1/automations/{code}")
  @Operation(summary = "Replace an automation; a masked or empty secret keeps the stored one")
  Automation update(
      @PathVariable String code, @RequestBody NewAutomation automation, Principal principal) {
    return automations.update(code, automation, principal.getName());
  }

  @PostMapping("/api/v1/automations/{code}/enable")
  @Operation(summary = "Turn the automation on")
  Automation enable(@PathVariable String code, Principal principal) {
    return automations.setEnabled(code, true, principal.getName());
  }

  @PostMapping("/api/v1/automations/{code}/disable")
  @Operation(summary = "Turn the automation off; transitions waiting in the outbox are skipped")
  Automation disable(@PathVariable String code, Principal principal) {
    return automations.setEnabled(code, false, principal.getName());
  }

  @PostMapping("/api/v1/automations/test")
  @Operation(summary = "What a draft automation would do for one customer now; nothing is sent")
  AutomationTest testDraft(@RequestBody TestRequest request) {
    if (request == null || request.automation() == null) {
      throw new InvalidInputException("automation", "Give the automation to test.");
    }
    return automations.test(request.automation(), customer(request));
  }

  @PostMapping("/api/v1/automations/{code}/test")
  @Operation(summary = "What the saved automation would do for one customer now; nothing is sent")
  AutomationTest test(@PathVariable String code, @RequestBody TestRequest request) {
    return automations.test(automations.get(code).toNew(), customer(request));
  }

  @GetMapping("/api/v1/automations/{code}/runs")
  @Operation(
      summary =
          "The run log, newest first: TRIGGERED, SKIPPED (why), DEFERRED, DELIVERED, RETRIED,"
              + " FAILED, REPLAYED")
  List<AutomationRun> runs(
      @PathVariable String code,
      @RequestParam(required = false) String customer,
      @RequestParam(required = false) String outcome,
      @RequestParam(defaultValue = "100") int limit) {
    Paging.checkLimit("limit", limit);
    return automations.runs(code, customer, outcome, limit);
  }

  @GetMapping("/api/v1/automations/dead-letters")
  @Operation(summary = "Actions that failed their last attempt, newest first")
  List<OutboxRow> deadLetters(
      @RequestParam(required = false) String automation,
      @RequestParam(defaultValue = "100") int limit) {
    Paging.checkLimit("limit", limit);
    return automations.deadLetters(automation, limit);
  }

  @PostMapping("/api/v1/automations/dead-letters/{id}/replay")
  @Operation(summary = "Queue a dead letter again (same idempotency key, attempts reset)")
  OutboxRow replay(@PathVariable long id, Principal principal) {
    return automations.replay(id, principal.getName());
  }

  @PostMapping("/api/v1/automations/{code}/dead-letters/replay")
  @Operation(summary = "Queue every dead letter of the automation again")
  Map<String, Integer> replayAll(@PathVariable String code, Principal principal) {
    return Map.of("replayed", automations.replayAll(code, principal.getName()));
  }

  private static String customer(TestRequest request) {
    if (request == null || request.customer() == null || request.customer().isBlank()) {
      throw new InvalidInputException("customer", "Give the id of the customer to test with.");
    }
    return request.customer().trim();
  }
}
