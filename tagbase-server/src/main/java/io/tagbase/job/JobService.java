package io.tagbase.job;

import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs jobs one at a time on a background thread (bulk writes contend for the same rows, and two
 * cores gain nothing from running them side by side). State is written in its own short
 * transactions, so progress is visible while the work's own transaction is open. A job found
 * RUNNING at start-up was cut off by a restart and is marked FAILED saying so (bulk tagging commits
 * all at once, so nothing of it was applied; an import can be resumed).
 */
@Service
public class JobService implements SmartInitializingSingleton, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(JobService.class);
  private static final String INTERRUPTED =
      "Interrupted by a restart before it finished. Bulk tagging commits all at once, so nothing of"
          + " it was applied; an import keeps what it committed and can be resumed.";

  private final JdbcJobRepository repository;
  private final TransactionTemplate own;
  private final Clock clock;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tagbase-job");
            t.setDaemon(true);
            return t;
          });

  JobService(JdbcJobRepository repository, PlatformTransactionManager tx, Clock clock) {
    this.repository = repository;
    this.own = new TransactionTemplate(tx);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Integer failed = own.execute(s -> repository.failRunning(INTERRUPTED, clock.instant()));
    if (failed != null && failed > 0) {
      log.warn("{} job(s) were cut off by a restart and are marked failed", failed);
    }
  }

  /** Records a new RUNNING job of {@code total} rows and starts its work; returns at once. */
  public Job submit(String kind, int total, String actor, JobWork work) {
    long id = own.execute(s -> repository.insert(kind, total, actor, clock.instant()));
    // Read before starting: the answer always shows the job RUNNING, so a view of it polls until
    // the end even when the work is done in an instant.
    Job submitted = get(id);
    executor.submit(() -> run(id, work));
    return submitted;
  }

  private void run(long id, JobWork work) {
    JobOutcome outcome;
    try {
      outcome = work.run(rows -> own.executeWithoutResult(s -> repository.progress(id, rows)));
    } catch (RuntimeException e) {
      log.error("Job {} failed", id, e);
      outcome =
          new JobOutcome(
              JobStatus.FAILED,
              0,
              List.of(),
              "The job failed unexpectedly and nothing was applied; the server log has the cause.");
    }
    JobOutcome done = outcome;
    own.executeWithoutResult(s -> repository.finish(id, done, clock.instant()));
  }

  public Job get(long id) {
    return repository
        .find(id)
        .orElseThrow(() -> new NotFoundException("No job with id " + id + "."));
  }

  public List<Job> recent(int limit) {
    return repository.recent(limit);
  }

  /** The rejected rows of a job, in row order. 404 for an unknown job. */
  public List<RowError> errors(long id) {
    get(id);
    return repository.errors(id);
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
