package io.tagbase.rules;

import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The template page of a layered tag: a first-match list, RFM or lifecycle settings, previewed
 * (counts per value, who would enter and leave) before saving; and creating RFM and lifecycle tags
 * from the tag library.
 */
@Controller
class TemplateConsoleController {
  private final TemplateService templates;
  private final RuleService rules;
  private final TaxonomyService taxonomy;

  TemplateConsoleController(
      TemplateService templates, RuleService rules, TaxonomyService taxonomy) {
    this.templates = templates;
    this.rules = rules;
    this.taxonomy = taxonomy;
  }

  @GetMapping("/tags/{code}/template")
  String page(
      @PathVariable String code, @RequestParam(required = false) String program, Model model) {
    TagDefinition tag = taxonomy.get(code);
    TagRule stored = null;
    try {
      stored = rules.get(code);
    } catch (NotFoundException e) {
      // no template yet: the page starts with empty settings
    }
    TagTemplate template = stored == null || stored.flag() ? null : templates.get(code);
    String chosen =
        program != null
            ? program
            : template != null
                ? template.program()
                : tag.kind() == io.tagbase.taxonomy.TagKind.STATISTICAL ? "STATISTIC" : "LAYERED";
    if (template != null && !template.program().equals(chosen)) {
      template = null;
    }
    show(model, tag, stored, chosen, template);
    return "rules/template";
  }

  /** Preview fragment: the counts per value without writing. */
  @PostMapping("/tags/{code}/template/preview")
  String preview(
      @PathVariable String code, @RequestParam MultiValueMap<String, String> form, Model model) {
    try {
      TagTemplate template = TemplateForm.read(program(form), form);
      model.addAttribute("preview", templates.preview(code, template, templates.today()));
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("problem", e.getMessage());
      model.addAttribute("problemField", field(e));
    }
    model.addAttribute("tag", taxonomy.get(code));
    return "rules/template :: preview";
  }

  @PostMapping("/tags/{code}/template")
  String save(
      @PathVariable String code,
      @RequestParam MultiValueMap<String, String> form,
      Principal principal,
      Model model) {
    String program = program(form);
    TagTemplate template = null;
    try {
      template = TemplateForm.read(program, form);
      model.addAttribute("preview", templates.save(code, template, principal.getName()));
      model.addAttribute("saved", true);
    } catch (io.tagbase.web.ChangeAwaitsApproval e) {
      model.addAttribute("awaitsApproval", e);
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("problem", e.getMessage());
      model.addAttribute("problemField", field(e));
    }
    TagDefinition tag = taxonomy.get(code);
    TagRule stored = null;
    try {
      stored = rules.get(code);
    } catch (NotFoundException e) {
      // not saved
    }
    show(model, tag, stored, program, template);
    return "rules/template";
  }

  @PostMapping("/tags/{code}/template/evaluate")
  String evaluate(@PathVariable String code, Model model) {
    try {
      model.addAttribute("preview", templates.evaluate(code, templates.today()));
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("problem", e.getMessage());
    }
    return page(code, null, model);
  }

  /** Creates the RFM or lifecycle tags from the tag library's form, then opens their page. */
  @PostMapping("/templates/{kind}")
  String create(
      @PathVariable String kind,
      @RequestParam String code,
      @RequestParam String categoryCode,
      @RequestParam String nameZh,
      @RequestParam String nameEn,
      @RequestParam(required = false) String event,
      @RequestParam(required = false) Integer bands,
      Principal principal,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    String eventType = event == null || event.isBlank() ? "order" : event.trim();
    try {
      if (kind.equals("rfm")) {
        templates.createRfm(
            code,
            categoryCode,
            nameZh,
            nameEn,
            bands == null ? 5 : bands,
            eventType,
            principal.getName());
      } else if (kind.equals("lifecycle")) {
        templates.createLifecycle(
            code, categoryCode, nameZh, nameEn, eventType, principal.getName());
      } else {
        throw new NotFoundException("No template '" + kind + "'.");
      }
      return "redirect:/tags/" + code + "/template";
    } catch (InvalidInputException | ConflictException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return taxonomy.find(code).isPresent()
          ? "redirect:/tags/" + code + "/template"
          : "redirect:/tags";
    }
  }

  private void show(
      Model model, TagDefinition tag, TagRule stored, String program, TagTemplate template) {
    model.addAttribute("tag", tag);
    model.addAttribute("rule", stored);
    model.addAttribute("program", program);
    model.addAttribute("programs", List.of("LAYERED", "RFM", "LIFECYCLE", "STATISTIC"));
    TagTemplate shown = template;
    if (shown == null) {
      shown =
          switch (program) {
            case "RFM" -> TemplateTags.defaultRfm(tag.code(), "order", 5);
            case "LIFECYCLE" -> new TagTemplate.Lifecycle("order", null, 30, 90, 180);
            case "STATISTIC" -> new TagTemplate.Statistic("", List.of());
            default -> new TagTemplate.Layered(List.of(), null);
          };
    }
    model.addAttribute("settings", shown);
    List<TagTemplate.Branch> list =
        shown instanceof TagTemplate.Layered l
            ? l.branches()
            : shown instanceof TagTemplate.Rfm r ? r.segments() : List.of();
    model.addAttribute("rows", TemplateForm.rows(list));
    if (shown instanceof TagTemplate.Statistic statistic) {
      model.addAttribute("ranges", TemplateForm.rangeRows(statistic.ranges()));
    }
    if (shown instanceof TagTemplate.Rfm rfm) {
      model.addAttribute("recencyNumbers", numbers(rfm.recency()));
      model.addAttribute("frequencyNumbers", numbers(rfm.frequencyScore()));
      model.addAttribute("monetaryNumbers", numbers(rfm.monetaryScore()));
    }
  }

  private static String numbers(TagTemplate.Measure measure) {
    if (measure == null) {
      return "";
    }
    return TemplateForm.numbers(
        measure.cutPoints() != null && !measure.cutPoints().isEmpty()
            ? measure.cutPoints()
            : measure.topPercents());
  }

  private static String program(MultiValueMap<String, String> form) {
    String program = form.getFirst("program");
    return program == null ? "LAYERED" : program;
  }

  private static String field(RuntimeException e) {
    if (e instanceof InvalidInputException i) {
      return i.field();
    }
    return e instanceof ConflictException c ? c.field() : null;
  }
}
