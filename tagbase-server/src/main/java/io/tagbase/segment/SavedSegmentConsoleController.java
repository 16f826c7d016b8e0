package io.tagbase.segment;

import io.tagbase.engine.Condition;
import io.tagbase.job.Job;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.FormValidation;
import io.tagbase.web.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Saved segments in the console: the list, a segment's page, and saving from the builder. */
@Controller
class SavedSegmentConsoleController {
  private final SegmentLibrary library;
  private final SegmentService segments;
  private final SegmentInsights insights;
  private final SegmentExports exports;
  private final TaxonomyService taxonomy;

  SavedSegmentConsoleController(
      SegmentLibrary library,
      SegmentService segments,
      SegmentInsights insights,
      SegmentExports exports,
      TaxonomyService taxonomy) {
    this.library = library;
    this.segments = segments;
    this.insights = insights;
    this.exports = exports;
    this.taxonomy = taxonomy;
  }

  @GetMapping("/segments/saved")
  String list(Model model) {
    model.addAttribute("segments", library.all());
    return "segment/list";
  }

  @GetMapping("/segments/saved/{code}")
  String page(
      @PathVariable String code, @RequestParam(required = false) String compare, Model model) {
    SegmentDefinition segment = library.get(code);
    SegmentInsight insight = insights.insight(segment);
    List<SegmentInsight.TagShare> top =
        insight.tags().stream()
            .filter(t -> t.inSegment() > 0 && t.tgi() != null)
            .sorted(Comparator.comparingDouble(SegmentInsight.TagShare::tgi).reversed())
            .limit(15)
            .toList();
    model.addAttribute("segment", segment);
    model.addAttribute("purposes", io.tagbase.privacy.Consents.PURPOSES);
    model.addAttribute("insight", insight);
    model.addAttribute("topTags", top);
    model.addAttribute("sizes", library.sizes(code, 90));
    model.addAttribute("transitions", library.transitions(code, 20));
    model.addAttribute("members", segments.preview(Condition.tag(segment.indexKey()), 0, 20));
    model.addAttribute(
        "others", library.all().stream().filter(s -> !s.code().equals(code)).toList());
    if (compare != null && !compare.isBlank()) {
      model.addAttribute("comparison", insights.compare(segment, library.get(compare)));
    }
    return "segment/page";
  }

  /** Saves the builder's current selection as a segment. */
  @PostMapping("/segments/saved")
  String save(
      @RequestParam(name = "all", required = false) List<String> all,
      @RequestParam(name = "any", required = false) List<String> any,
      @RequestParam(name = "none", required = false) List<String> none,
      @RequestParam(name = "rule", required = false) String rule,
      @RequestParam String code,
      @RequestParam String nameZh,
      @RequestParam String nameEn,
      @RequestParam(defaultValue = "DYNAMIC") SegmentKind kind,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Principal principal,
      HttpServletResponse response) {
    Set<String> known = taxonomy.tags().stream().map(t -> t.code()).collect(Collectors.toSet());
    Object condition = json(filter(all, known), filter(any, known), filter(none, known), rule);
    SegmentDefinition saved =
        library.create(
            FormValidation.valid(new NewSegment(code, nameZh, nameEn, null, kind, condition)),
            principal.getName());
    String target = "/segments/saved/" + saved.code();
    if (htmx != null) {
      response.setHeader("HX-Redirect", target);
      return "fragments :: empty";
    }
    return "redirect:" + target;
  }

  @PostMapping("/segments/saved/{code}/refresh")
  String refresh(@PathVariable String code) {
    library.refresh(code);
    return "redirect:/segments/saved/" + code;
  }

  @PostMapping("/segments/saved/{code}/snapshot")
  String snapshot(@PathVariable String code, Principal principal) {
    return "redirect:/segments/saved/" + library.snapshot(code, principal.getName()).code();
  }

  @PostMapping("/segments/saved/{code}/delete")
  String delete(@PathVariable String code) {
    library.delete(code);
    return "redirect:/segments/saved";
  }

  @PostMapping("/segments/saved/{code}/export")
  String export(
      @PathVariable String code,
      @RequestParam String format,
      @RequestParam(required = false) String purpose,
      Principal principal,
      Model model) {
    Job job = exports.start(library.get(code), format, purpose, principal.getName());
    model.addAttribute("job", job);
    model.addAttribute("errors", List.of());
    return "job/progress :: progress";
  }

  @GetMapping("/segments/exports/{jobId}")
  ResponseEntity<Resource> download(@PathVariable long jobId) throws IOException {
    return SavedSegmentController.file(exports, jobId);
  }

  /** The JSON condition tree of a builder selection: all AND (any) AND NOT (none). */
  static Object json(List<String> allOf, List<String> anyOf, List<String> noneOf, String rule) {
    List<Object> terms = new ArrayList<>();
    if (rule != null && !rule.isBlank()) {
      terms.add(Map.of("rule", rule.trim()));
    }
    allOf.forEach(code -> terms.add(Map.of("tag", code)));
    if (!anyOf.isEmpty()) {
      terms.add(Map.of("or", anyOf.stream().map(c -> (Object) Map.of("tag", c)).toList()));
    }
    if (!noneOf.isEmpty()) {
      terms.add(
          Map.of(
              "not", Map.of("or", noneOf.stream().map(c -> (Object) Map.of("tag", c)).toList())));
    }
    if (terms.isEmpty()) {
      throw new InvalidInputException(
          "all", "Pick at least one tag or write a rule before saving the segment.");
    }
    return Map.of("and", terms);
  }

  private static List<String> filter(List<String> codes, Set<String> known) {
    return codes == null ? List.of() : codes.stream().filter(known::contains).distinct().toList();
  }
}
