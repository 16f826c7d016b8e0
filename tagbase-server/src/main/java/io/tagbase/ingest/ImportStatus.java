package io.tagbase.ingest;

/**
 * UPLOADED (mapped and previewed, not run), RUNNING, INTERRUPTED (cut off by a restart or an error
 * after committing part of the file: resume it), DONE, or REJECTED (nothing applied because a row
 * was bad and the run was all-or-nothing).
 */
public enum ImportStatus {
  UPLOADED,
  RUNNING,
  INTERRUPTED,
  DONE,
  REJECTED
}
