package io.tagbase.job;

import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs jobs one at a time on a background thread (bulk writes contend for the same rows, and two
 * cores gain nothing from running them side by side). State is written in its own short
 * transactions, so progress is visible while the work's own transaction is open.
 *
 * <p>Each job records the instance that runs it ({@code tagbase.instance-id}, by default the host
 * name), which refreshes the job's heartbeat every {@code tagbase.jobs.heartbeat-seconds} (15)
 * while it runs. A job was cut off, and is marked FAILED saying so (bulk tagging commits all at
 * once, so nothing of it was applied; an import can be resumed), when at start-up this instance
 * finds RUNNING jobs it owned before the restart, or when any instance finds a heartbeat older than
 * four periods (its instance was killed and has not come back). Jobs other instances on the same
 * database are running keep their heartbeat fresh and are left alone.
 */
@Service
public class JobService implements SmartInitializingSingleton, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(JobService.class);
  private static final String INTERRUPTED =
      "Interrupted: its server stopped before it finished. Bulk tagging commits all at once, so nothing of"
          + " it was applied; an import keeps what it committed and can be resumed.";

  private final JdbcJobRepository repository;
  private final TransactionTemplate own;
  private final Clock clock;
  private final java.time.Duration staleAfter;
  private final String instance;
  private final java.util.Set<Long> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tagbase-job");
            t.setDaemon(true);
            return t;
          });

  JobService(
      JdbcJobRepository repository,
      PlatformTransactionManager tx,
      Clock clock,
      @Value("${tagbase.jobs.heartbeat-seconds:15}") int heartbeatSeconds,
      @Value("${tagbase.instance-id:}") String instance) {
    if (heartbeatSeconds < 1) {
      throw new IllegalArgumentException(
          "tagbase.jobs.heartbeat-seconds must be at least 1: " + heartbeatSeconds);
    }
    this.staleAfter = java.time.Duration.ofSeconds(4L * heartbeatSeconds);
    this.instance = instance == null || instance.isBlank() ? hostName() : instance.trim();
    this.repository = repository;
    this.own = new TransactionTemplate(tx);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    failCutOff(instance); // this instance runs nothing yet: what it owned was cut off
  }

  /** Jobs with a heartbeat at or after this are being worked on by a live instance. */
  public Instant aliveSince(Instant now) {
    return now.minus(staleAfter);
  }

  /** This instance's id, recorded as the owner of the jobs it runs. */
  public String instance() {
    return instance;
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "tagbase";
    }
  }

  /** Refreshes the heartbeat of the jobs running here, then fails those nobody works on. */
  @Scheduled(
      fixedDelayString = "${tagbase.jobs.heartbeat-seconds:15}",
      timeUnit = java.util.concurrent.TimeUnit.SECONDS)
  void heartbeat() {
    own.executeWithoutResult(s -> repository.beat(List.copyOf(running), clock.instant()));
    failCutOff(null);
  }

  private void failCutOff(String owner) {
    Instant now = clock.instant();
    Integer failed =
        own.execute(s -> repository.failCutOff(INTERRUPTED, aliveSince(now), owner, now));
    if (failed != null && failed > 0) {
      log.warn("{} job(s) were cut off by a restart and are marked failed", failed);
    }
  }

  /** Records a new RUNNING job of {@code total} rows and starts its work; returns at once. */
  public Job submit(String kind, int total, String actor, JobWork work) {
    long id = own.execute(s -> repository.insert(kind, total, actor, instance, clock.instant()));
    // Read before starting: the answer always shows the job RUNNING, so a view of it polls until
    // the end even when the work is done in an instant.
    Job submitted = get(id);
    running.add(id);
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
    try {
      own.executeWithoutResult(s -> repository.finish(id, done, clock.instant()));
    } finally {
      running.remove(id);
    }
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
