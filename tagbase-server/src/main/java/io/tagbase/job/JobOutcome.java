package io.tagbase.job;

import java.util.List;

/** How a job ended, as its work reports it. */
public record JobOutcome(JobStatus status, int succeeded, List<RowError> errors, String message) {}
