package io.tagbase.job;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A job's progress bar (polled by htmx until the job finishes) and its error report. */
@Controller
class JobConsoleController {
  private final JobService jobs;

  JobConsoleController(JobService jobs) {
    this.jobs = jobs;
  }

  @GetMapping("/jobs/{id}")
  String progress(@PathVariable long id, Model model) {
    Job job = jobs.get(id);
    model.addAttribute("job", job);
    model.addAttribute("errors", job.status().finished() ? jobs.errors(id) : java.util.List.of());
    return "job/progress :: progress";
  }

  @GetMapping("/jobs/{id}/report.csv")
  ResponseEntity<byte[]> report(@PathVariable long id) {
    return JobDownloads.csv(id, jobs.errors(id));
  }
}
