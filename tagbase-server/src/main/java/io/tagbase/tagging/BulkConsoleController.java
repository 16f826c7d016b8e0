package io.tagbase.tagging;

import io.tagbase.ingest.TabularFile;
import io.tagbase.job.Job;
import io.tagbase.job.JobService;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.InvalidInputException;
import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The bulk tagging page: pick a tag, give customers by list or file, watch the job's progress. */
@Controller
class BulkConsoleController {
  private final TaxonomyService taxonomy;
  private final BulkTagging bulk;
  private final JobService jobs;

  BulkConsoleController(TaxonomyService taxonomy, BulkTagging bulk, JobService jobs) {
    this.taxonomy = taxonomy;
    this.bulk = bulk;
    this.jobs = jobs;
  }

  @GetMapping("/bulk-tagging")
  String page(@RequestParam(required = false) Long job, Model model) {
    model.addAttribute(
        "tags", taxonomy.tags().stream().filter(t -> t.status().assignable()).toList());
    model.addAttribute("recent", jobs.recent(10));
    if (job != null) {
      model.addAttribute("job", jobs.get(job));
      model.addAttribute(
          "errors", jobs.get(job).status().finished() ? jobs.errors(job) : List.of());
    }
    return "tagging/bulk";
  }

  /**
   * Starts a bulk job from pasted ids or an uploaded file. {@code target} is a tag code or {@code
   * code=value}. Answers htmx with the progress fragment, a plain form post with a redirect.
   */
  @PostMapping("/bulk-tagging")
  String start(
      @RequestParam String target,
      @RequestParam(defaultValue = "add") String operation,
      @RequestParam(defaultValue = "true") boolean allOrNothing,
      @RequestParam(required = false) String ids,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String reason,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Principal principal,
      Model model)
      throws IOException {
    int eq = target.indexOf('=');
    String tag = eq < 0 ? target : target.substring(0, eq);
    String value = eq < 0 ? null : target.substring(eq + 1);
    List<BulkItem> items;
    AssignmentSource source;
    if (file != null && !file.isEmpty()) {
      items = BulkFiles.items(TabularFile.read(file.getBytes()));
      source = AssignmentSource.IMPORT;
    } else {
      List<String> list =
          ids == null
              ? List.of()
              : Arrays.stream(ids.split("[\\s,;，；]+")).filter(s -> !s.isBlank()).toList();
      items = BulkFiles.ofIds(list);
      source = AssignmentSource.BULK;
    }
    if (items.isEmpty()) {
      throw new InvalidInputException("ids", "Give customer ids or a file with at least one row.");
    }
    BulkRequest request =
        new BulkRequest(
            tag,
            BulkRequest.Operation.parse(operation),
            allOrNothing,
            value,
            reason == null || reason.isBlank() ? null : reason.trim());
    Job job = bulk.start(request, items, source, principal.getName());
    if (htmx == null) {
      return "redirect:/bulk-tagging?job=" + job.id();
    }
    model.addAttribute("job", job);
    model.addAttribute("errors", List.of());
    return "job/progress :: progress";
  }
}
