package io.tagbase.job;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The error report as a download, shared by the API and the console. */
final class JobDownloads {
  private JobDownloads() {}

  static ResponseEntity<byte[]> csv(long id, List<RowError> errors) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"job-" + id + "-errors.csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(JobReport.csv(errors).getBytes(StandardCharsets.UTF_8));
  }
}
