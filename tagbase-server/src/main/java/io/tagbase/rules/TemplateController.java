package io.tagbase.rules;

import io.tagbase.web.InvalidInputException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
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

  @PutMapping("/tags/{code}/template/layered")
  TemplatePreview saveLayered(
      @PathVariable String code, @RequestBody TagTemplate.Layered body, Principal principal) {
    return templates.save(code, body, principal.getName());
  }

  @PutMapping("/tags/{code}/template/rfm")
  TemplatePreview saveRfm(
      @PathVariable String code, @RequestBody TagTemplate.Rfm body, Principal principal) {
    return templates.save(code, body, principal.getName());
  }

  @PutMapping("/tags/{code}/template/lifecycle")
  TemplatePreview saveLifecycle(
      @PathVariable String code, @RequestBody TagTemplate.Lifecycle body, Principal principal) {
    return templates.save(code, body, principal.getName());
  }

  @PutMapping("/tags/{code}/template/statistic")
  TemplatePreview saveStatistic(
      @PathVariable String code, @RequestBody TagTemplate.Statistic body, Principal principal) {
    return templates.save(code, body, principal.getName());
  }

  @PostMapping("/tags/{code}/template/statistic/preview")
  TemplatePreview previewStatistic(
      @PathVariable String code,
      @RequestBody TagTemplate.Statistic body,
      @RequestParam(required = false) String asOf) {
    return templates.preview(code, body, day(asOf));
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

  @PostMapping("/tags/{code}/template/layered/preview")
  TemplatePreview previewLayered(
      @PathVariable String code,
      @RequestBody TagTemplate.Layered body,
      @RequestParam(required = false) String asOf) {
    return templates.preview(code, body, day(asOf));
  }

  @PostMapping("/tags/{code}/template/rfm/preview")
  TemplatePreview previewRfm(
      @PathVariable String code,
      @RequestBody TagTemplate.Rfm body,
      @RequestParam(required = false) String asOf) {
    return templates.preview(code, body, day(asOf));
  }

  @PostMapping("/tags/{code}/template/lifecycle/preview")
  TemplatePreview previewLifecycle(
      @PathVariable String code,
      @RequestBody TagTemplate.Lifecycle body,
      @RequestParam(required = false) String asOf) {
    return templates.preview(code, body, day(asOf));
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
    String[][] fields = {
      {"code", body.code()}, {"categoryCode", body.categoryCode()},
      {"nameZh", body.nameZh()}, {"nameEn", body.nameEn()}
    };
    for (String[] field : fields) {
      if (field[1] == null || field[1].isBlank()) {
        throw new InvalidInputException(field[0], "is required");
      }
    }
    if (!body.code().matches(io.tagbase.taxonomy.TagCodes.PATTERN) || body.code().length() > 60) {
      throw new InvalidInputException(
          "code", "must start with a lower-case letter and use only a-z, 0-9 and _ (2-60 chars)");
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
