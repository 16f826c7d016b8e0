package io.tagbase.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Progress and per-row reports of background work")
class JobController {
  private final JobService jobs;

  JobController(JobService jobs) {
    this.jobs = jobs;
  }

  @GetMapping("/{id}")
  @Operation(summary = "A job's status and progress")
  Job get(@PathVariable long id) {
    return jobs.get(id);
  }

  @GetMapping("/{id}/errors")
  @Operation(summary = "The rows a job rejected, with row number and reason")
  List<RowError> errors(@PathVariable long id) {
    return jobs.errors(id);
  }

  @GetMapping(value = "/{id}/report.csv", produces = "text/csv")
  @Operation(summary = "The rejected rows as a CSV file")
  ResponseEntity<byte[]> report(@PathVariable long id) {
    return JobDownloads.csv(id, jobs.errors(id));
  }
}
