package io.tagbase.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Jobs cut off by a stopped server are failed; jobs another server (or this one) is running are
 * not. Run on H2 ({@code H2JobHeartbeatIT}) and PostgreSQL ({@code PostgresJobHeartbeatIT}).
 */
abstract class JobHeartbeatContract {
  @Autowired JobService jobs;
  @Autowired JdbcJobRepository repository;
  @Autowired TestClock clock;

  @Test
  void aPeersRunningJobIsLeftAloneWhileItBeatsAndFailedOnceItStops() {
    // A job of another server on the same database: only its own heartbeats keep it alive.
    long peer = repository.insert("bulk", 10, "peer", "another-host", clock.instant());
    clock.advance(Duration.ofSeconds(45));
    repository.beat(List.of(peer), clock.instant());
    clock.advance(Duration.ofSeconds(45));
    jobs.heartbeat(); // 45 s since the peer's last beat: within four heartbeats of 15 s
    assertThat(jobs.get(peer).status()).isEqualTo(JobStatus.RUNNING);
    clock.advance(Duration.ofSeconds(16)); // 61 s: the peer stopped
    jobs.heartbeat();
    Job failed = jobs.get(peer);
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.message()).contains("its server stopped");
  }

  @Test
  void atStartUpTheJobsThisInstanceOwnedBeforeItsRestartAreCutOffAtOnce() {
    long mine = repository.insert("bulk", 10, "tester", jobs.instance(), clock.instant());
    long peers = repository.insert("bulk", 10, "peer", "another-host", clock.instant());
    jobs.afterSingletonsInstantiated(); // as a restart of this instance does
    assertThat(jobs.get(mine).status()).isEqualTo(JobStatus.FAILED);
    assertThat(jobs.get(peers).status()).isEqualTo(JobStatus.RUNNING);
    repository.failCutOff("test over", clock.instant().plusSeconds(1), null, clock.instant());
  }

  @Test
  void aJobRunningHereKeepsBeatingHoweverLongItTakes() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    Job job =
        jobs.submit(
            "bulk",
            1,
            "tester",
            progress -> {
              started.countDown();
              try {
                release.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new JobOutcome(JobStatus.SUCCEEDED, 1, List.of(), "done");
            });
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    for (int minute = 0; minute < 10; minute++) {
      clock.advance(Duration.ofMinutes(1));
      jobs.heartbeat();
      assertThat(jobs.get(job.id()).status()).isEqualTo(JobStatus.RUNNING);
    }
    release.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!jobs.get(job.id()).status().finished() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(jobs.get(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
  }
}
