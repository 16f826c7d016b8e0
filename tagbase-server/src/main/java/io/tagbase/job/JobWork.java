package io.tagbase.job;

/** The work of a job; runs on a background thread and reports progress through the context. */
@FunctionalInterface
public interface JobWork {
  JobOutcome run(Progress progress);

  /** Records how many rows have been processed; cheap enough to call every few thousand rows. */
  interface Progress {
    void processed(int rows);
  }
}
