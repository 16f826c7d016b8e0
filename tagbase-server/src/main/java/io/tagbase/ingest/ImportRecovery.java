package io.tagbase.ingest;

import io.tagbase.job.Job;
import io.tagbase.job.JobService;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports cut off by a crash or a restart. At start-up an import still RUNNING, last touched before
 * this instance started and whose job's heartbeat stopped (see {@link JobService}), was cut off:
 * its committed chunks are whole and its checkpoint says how far they reach, so it is marked
 * INTERRUPTED. Once the application is ready, every interrupted import whose uploaded file is still
 * there is resumed on the job thread, oldest first, unless {@code tagbase.import.auto-resume} is
 * false; one whose file is gone stays INTERRUPTED with a message saying what to do. Each resume is
 * claimed with a conditional update, so of several instances starting at once only one resumes a
 * given import.
 */
@Component
class ImportRecovery implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);
  static final String MESSAGE =
      "Interrupted by a restart; the rows up to the checkpoint are stored. Resume it to finish.";
  static final String ACTOR = "system";

  private final ImportRunRepository runs;
  private final ImportService imports;
  private final ImportFiles files;
  private final JobService jobs;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final boolean autoResume;

  ImportRecovery(
      ImportRunRepository runs,
      ImportService imports,
      ImportFiles files,
      JobService jobs,
      PlatformTransactionManager tx,
      Clock clock,
      @Value("${tagbase.import.auto-resume:true}") boolean autoResume) {
    this.runs = runs;
    this.imports = imports;
    this.files = files;
    this.jobs = jobs;
    this.tx = new TransactionTemplate(tx);
    this.clock = clock;
    this.autoResume = autoResume;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    Instant now = clock.instant();
    Integer interrupted =
        tx.execute(
            s ->
                runs.interruptRunning(
                    MESSAGE, started, jobs.aliveSince(now), jobs.instance(), now));
    if (interrupted != null && interrupted > 0) {
      log.warn("{} import(s) were cut off by a restart", interrupted);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public void applicationReady() {
    if (autoResume) {
      resumeInterrupted();
    }
  }

  /**
   * An import whose instance was killed and has not come back (its job's heartbeat stopped) is cut
   * off too: checked at each job heartbeat, and resumed here unless auto-resume is off.
   */
  @Scheduled(
      initialDelayString = "${tagbase.jobs.heartbeat-seconds:15}",
      fixedDelayString = "${tagbase.jobs.heartbeat-seconds:15}",
      timeUnit = java.util.concurrent.TimeUnit.SECONDS)
  void peersCutOff() {
    Instant now = clock.instant();
    Instant alive = jobs.aliveSince(now);
    Integer interrupted = tx.execute(s -> runs.interruptRunning(MESSAGE, alive, alive, null, now));
    if (interrupted != null && interrupted > 0) {
      log.warn("{} import(s) were cut off: their instance stopped", interrupted);
      if (autoResume) {
        resumeInterrupted();
      }
    }
  }

  /**
   * Starts a resume job for every interrupted import whose file is still stored, oldest first, and
   * notes on the others that their file is gone. Returns the jobs this call started; an import
   * another caller claimed first is skipped. Cost: one query plus one claim per import.
   */
  List<Job> resumeInterrupted() {
    List<Job> started = new ArrayList<>();
    for (ImportRun run : runs.interrupted()) {
      if (!files.exists(run.filePath())) {
        log.warn(
            "Import {} cannot resume by itself: its file {} is gone", run.id(), run.filePath());
        runs.noteInterrupted(run.id(), ImportService.FILE_GONE, clock.instant());
        continue;
      }
      try {
        imports
            .resumeIfInterrupted(run, ACTOR)
            .ifPresent(
                job -> {
                  log.info(
                      "Resuming import {} after line {} as job {}",
                      run.id(),
                      run.committedLine(),
                      job.id());
                  started.add(job);
                });
      } catch (RuntimeException e) {
        // One import that cannot restart (its saved mapping no longer compiles, say) must not
        // keep the others from resuming; it stays INTERRUPTED for a person to look at.
        log.error("Import {} could not resume by itself", run.id(), e);
      }
    }
    return started;
  }
}
