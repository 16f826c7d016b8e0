package io.tagbase.job;

/**
 * RUNNING until done; then SUCCEEDED (every row applied), PARTIAL (valid rows applied, the others
 * reported), or FAILED (nothing applied).
 */
public enum JobStatus {
  RUNNING,
  SUCCEEDED,
  PARTIAL,
  FAILED;

  public boolean finished() {
    return this != RUNNING;
  }
}
