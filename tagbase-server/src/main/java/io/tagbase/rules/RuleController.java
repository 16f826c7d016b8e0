package io.tagbase.rules;

import io.tagbase.engine.rule.CheckedRule;
import io.tagbase.engine.rule.Explanation;
import io.tagbase.engine.rule.RuleError;
import io.tagbase.web.InvalidInputException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rule tags over REST: save, read, evaluate, check, dry run and explain. */
@RestController
@RequestMapping("/api/v1")
class RuleController {
  private final RuleService rules;

  RuleController(RuleService rules) {
    this.rules = rules;
  }

  record RuleBody(String text) {}

  record DryRunBody(String text, String tag, String asOf) {}

  record EvaluateBody(String asOf) {}

  record CheckResult(
      String canonical,
      List<String> attributes,
      List<String> tags,
      List<String> events,
      boolean timeRelative) {}

  @PutMapping("/tags/{code}/rule")
  Map<String, Object> save(
      @PathVariable String code, @RequestBody RuleBody body, Principal principal) {
    RuleEvaluation evaluation =
        rules.save(code, body == null ? null : body.text(), principal.getName());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rule", rules.get(code));
    out.put("evaluation", evaluation);
    return out;
  }

  @GetMapping("/tags/{code}/rule")
  TagRule get(@PathVariable String code) {
    return rules.get(code);
  }

  @PostMapping("/tags/{code}/rule/evaluate")
  RuleEvaluation evaluate(
      @PathVariable String code, @RequestBody(required = false) EvaluateBody body) {
    return rules.evaluate(code, day(body == null ? null : body.asOf(), "asOf"));
  }

  @PostMapping("/rules/check")
  CheckResult check(@RequestBody RuleBody body) {
    CheckedRule rule = rules.check(body == null ? null : body.text());
    return new CheckResult(
        rule.toString(),
        rule.attributes().stream().sorted().toList(),
        rule.tags().stream().sorted().toList(),
        rule.events().stream().sorted().toList(),
        rule.timeRelative());
  }

  @PostMapping("/rules/dry-run")
  DryRun dryRun(@RequestBody DryRunBody body) {
    if (body == null) {
      throw new InvalidInputException("text", "The rule text is empty.");
    }
    return rules.dryRun(body.text(), body.tag(), day(body.asOf(), "asOf"));
  }

  @GetMapping("/tags/{code}/rule/explain")
  Explanation explain(
      @PathVariable String code,
      @RequestParam String customer,
      @RequestParam(required = false) String asOf) {
    return rules.explain(code, customer, day(asOf, "asOf"));
  }

  /** 400 listing every error of the rule with its line, column and suggestion. */
  @ExceptionHandler(RuleRefused.class)
  ProblemDetail refused(RuleRefused e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    body.setTitle("Invalid rule");
    body.setProperty("errors", e.errors().stream().map(RuleController::error).toList());
    return body;
  }

  static Map<String, Object> error(RuleError error) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("field", "text");
    out.put("line", error.line());
    out.put("column", error.column());
    out.put("message", error.message());
    out.put("suggestion", error.suggestion());
    return out;
  }

  private LocalDate day(String text, String field) {
    if (text == null || text.isBlank()) {
      return rules.today();
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "'" + text + "' is not a date (yyyy-MM-dd).");
    }
  }
}
