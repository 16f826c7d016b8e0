package io.tagbase.segment;

import io.tagbase.engine.Condition;
import io.tagbase.tagging.BulkRequest;
import io.tagbase.taxonomy.TaxonomyService;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The segment builder: pick tags to require, to accept any of, and to exclude; see the count. */
@Controller
class SegmentConsoleController {
  private static final int PREVIEW = 10;
  private final SegmentService segments;
  private final TaxonomyService taxonomy;

  SegmentConsoleController(SegmentService segments, TaxonomyService taxonomy) {
    this.segments = segments;
    this.taxonomy = taxonomy;
  }

  @GetMapping("/segments")
  String builder(
      @RequestParam(name = "all", required = false) List<String> all,
      @RequestParam(name = "any", required = false) List<String> any,
      @RequestParam(name = "none", required = false) List<String> none,
      @RequestParam(name = "rule", required = false) String rule,
      Model model) {
    Set<String> known = taxonomy.tags().stream().map(t -> t.code()).collect(Collectors.toSet());
    List<String> allOf = known(all, known);
    List<String> anyOf = known(any, known);
    List<String> noneOf = known(none, known);
    Condition condition = condition(allOf, anyOf, noneOf);
    model.addAttribute("rule", rule == null ? "" : rule);
    if (rule != null && !rule.isBlank()) {
      try {
        condition = Condition.and(condition, segments.parse(Map.of("rule", rule), "rule"));
      } catch (io.tagbase.web.InvalidInputException e) {
        model.addAttribute("ruleProblem", e.getMessage());
      }
    }
    model.addAttribute("tags", taxonomy.tags());
    model.addAttribute("allOf", allOf);
    model.addAttribute("anyOf", anyOf);
    model.addAttribute("noneOf", noneOf);
    model.addAttribute("count", segments.count(condition));
    model.addAttribute("preview", segments.preview(condition, 0, PREVIEW));
    return "segment/builder";
  }

  /** Tags every current member of the builder's segment; answers with the job's progress. */
  @PostMapping("/segments/tag")
  String tagMembers(
      @RequestParam(name = "all", required = false) List<String> all,
      @RequestParam(name = "any", required = false) List<String> any,
      @RequestParam(name = "none", required = false) List<String> none,
      @RequestParam(name = "rule", required = false) String rule,
      @RequestParam String target,
      @RequestParam(defaultValue = "add") String operation,
      Principal principal,
      Model model) {
    Set<String> known = taxonomy.tags().stream().map(t -> t.code()).collect(Collectors.toSet());
    Condition condition = condition(known(all, known), known(any, known), known(none, known));
    if (rule != null && !rule.isBlank()) {
      condition = Condition.and(condition, segments.parse(Map.of("rule", rule), "rule"));
    }
    int eq = target.indexOf('=');
    BulkRequest request =
        new BulkRequest(
            eq < 0 ? target : target.substring(0, eq),
            BulkRequest.Operation.parse(operation),
            true,
            eq < 0 ? null : target.substring(eq + 1),
            "segment");
    model.addAttribute("job", segments.tagMembers(condition, request, principal.getName()));
    model.addAttribute("errors", List.of());
    return "job/progress :: progress";
  }

  /** all-of AND (any-of) AND NOT (none-of); everyone when nothing is picked. */
  static Condition condition(List<String> allOf, List<String> anyOf, List<String> noneOf) {
    List<Condition> terms = new ArrayList<>();
    allOf.forEach(code -> terms.add(Condition.tag(code)));
    if (!anyOf.isEmpty()) {
      terms.add(Condition.or(anyOf.stream().map(Condition::tag).toList()));
    }
    if (!noneOf.isEmpty()) {
      terms.add(Condition.not(Condition.or(noneOf.stream().map(Condition::tag).toList())));
    }
    return terms.isEmpty() ? new Condition.Everyone() : Condition.and(terms);
  }

  private static List<String> known(List<String> codes, Set<String> known) {
    return codes == null ? List.of() : codes.stream().filter(known::contains).distinct().toList();
  }
}
