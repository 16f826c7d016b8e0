package io.tagbase.rules;

import io.tagbase.web.InvalidInputException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Template tags over REST: layered first-match lists, RFM tiers and lifecycle stages; save (and
 * evaluate), read, preview without writing, evaluate as of a day, and create the tags a template
 * needs.
 */
@RestController
@RequestMapping("/api/v1")
class TemplateController {
  private final TemplateService templates;

  TemplateController(TemplateService templates) {
    this.templates = templates;
  }

  record NewTemplateTags(
      String code,
      String categoryCode,
      String nameZh,
      String nameEn,
      Integer bands,
      String event) {}

  /**
   * Saves and evaluates a template: {@code kind} is layered, rfm, lifecycle or statistic and the
   * body its settings ({@link TagTemplate}); 400 naming the setting at fault.
   */
  @PutMapping("/tags/{code}/template/{kind}")
  TemplatePreview save(
      @PathVariable String code,
      @PathVariable String kind,
      @RequestBody String body,
      Principal principal) {
    return templates.save(code, read(kind, body), principal.getName());
  }

  /** What the settings would give as of a day, per value; writes nothing. */
  @PostMapping("/tags/{code}/template/{kind}/preview")
  TemplatePreview preview(
      @PathVariable String code,
      @PathVariable String kind,
      @RequestBody String body,
      @RequestParam(required = false) String asOf) {
    return templates.preview(code, read(kind, body), day(asOf));
  }

  private static TagTemplate read(String kind, String body) {
    if (!List.of("layered", "rfm", "lifecycle", "statistic").contains(kind)) {
      throw new InvalidInputException(
          "kind", "'" + kind + "' is not a template; use layered, rfm, lifecycle or statistic.");
    }
    return TagTemplate.read(kind.toUpperCase(java.util.Locale.ROOT), body);
  }

  /** The numbers statistical tags hold for a customer, by tag code. */
  @GetMapping("/customers/{externalId}/numbers")
  Map<String, Double> numbers(@PathVariable String externalId) {
    return templates.numbers(externalId);
  }

  @GetMapping("/tags/{code}/template")
  Map<String, Object> get(@PathVariable String code) {
    TagTemplate template = templates.get(code);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("program", template.program());
    out.put("settings", template);
    return out;
  }

  @PostMapping("/tags/{code}/template/evaluate")
  TemplatePreview evaluate(@PathVariable String code, @RequestParam(required = false) String asOf) {
    return templates.evaluate(code, day(asOf));
  }

  /** Creates the RFM tier tag and its score tags (when missing) and saves default settings. */
  @PostMapping("/templates/rfm")
  @ResponseStatus(HttpStatus.CREATED)
  TemplatePreview createRfm(@RequestBody NewTemplateTags body, Principal principal) {
    NewTemplateTags b = required(body);
    return templates.createRfm(
        b.code(),
        b.categoryCode(),
        b.nameZh(),
        b.nameEn(),
        b.bands() == null ? 5 : b.bands(),
        b.event() == null ? "order" : b.event(),
        principal.getName());
  }

  /** Creates the lifecycle tag (when missing) and saves default thresholds. */
  @PostMapping("/templates/lifecycle")
  @ResponseStatus(HttpStatus.CREATED)
  TemplatePreview createLifecycle(@RequestBody NewTemplateTags body, Principal principal) {
    NewTemplateTags b = required(body);
    return templates.createLifecycle(
        b.code(),
        b.categoryCode(),
        b.nameZh(),
        b.nameEn(),
        b.event() == null ? "order" : b.event(),
        principal.getName());
  }

  private static NewTemplateTags required(NewTemplateTags body) {
    if (body == null) {
      throw new InvalidInputException("body", "Give code, categoryCode, nameZh and nameEn.");
    }
    return body;
  }

  private LocalDate day(String text) {
    if (text == null || text.isBlank()) {
      return templates.today();
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("asOf", "'" + text + "' is not a date (yyyy-MM-dd).");
    }
  }
}
