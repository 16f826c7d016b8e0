package io.tagbase.job;

import java.time.Instant;

/**
 * A background job's state. {@code processed} counts rows looked at so far, out of {@code total}.
 */
public record Job(
    long id,
    String kind,
    JobStatus status,
    int total,
    int processed,
    int succeeded,
    int failed,
    String message,
    String createdBy,
    Instant createdAt,
    Instant finishedAt) {

  /** Progress in percent, 0..100. */
  public int percent() {
    if (status.finished()) {
      return 100;
    }
    return total == 0 ? 0 : (int) Math.min(99, 100L * processed / total);
  }
}
