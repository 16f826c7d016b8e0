package io.tagbase.automation;

import io.tagbase.engine.Condition;
import io.tagbase.segment.SegmentDefinition;
import io.tagbase.segment.SegmentLibrary;
import io.tagbase.segment.SegmentService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs SCHEDULE automations: once a day, at or after their time of day, every current member of
 * their segment gets a transition "schedule:&lt;day&gt;". The day is claimed in the database, so
 * one instance runs it once, and the members are recorded in the same transaction as the claim.
 */
@Component
class AutomationScheduler {
  private static final Logger log = LoggerFactory.getLogger(AutomationScheduler.class);

  private final JdbcAutomationRepository automations;
  private final TransitionRecorder recorder;
  private final SegmentLibrary library;
  private final SegmentService segments;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ZoneId zone;

  AutomationScheduler(
      JdbcAutomationRepository automations,
      TransitionRecorder recorder,
      SegmentLibrary library,
      SegmentService segments,
      TransactionTemplate tx,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.automations = automations;
    this.recorder = recorder;
    this.library = library;
    this.segments = segments;
    this.tx = tx;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  @Scheduled(
      fixedDelayString = "${tagbase.automation.schedule-check:PT1M}",
      initialDelayString = "${tagbase.automation.schedule-check:PT1M}")
  void tick() {
    try {
      runDue();
    } catch (RuntimeException e) {
      log.warn("Scheduled automations failed: {}", e.getMessage());
    }
  }

  /** Records today's run of every due schedule; returns how many customers were recorded. */
  int runDue() {
    ZonedDateTime now = clock.instant().atZone(zone);
    LocalDate today = now.toLocalDate();
    int recorded = 0;
    for (Automation a : automations.enabled(List.of(TriggerKind.SCHEDULE), null)) {
      if (now.toLocalTime().isBefore(LocalTime.parse(a.trigger().time()))) {
        continue;
      }
      SegmentDefinition segment = library.get(a.trigger().target());
      List<String> members = segments.members(Condition.tag(segment.indexKey()));
      Integer n =
          tx.execute(
              s ->
                  automations.claimScheduledRun(a.id(), today)
                      ? recorder.schedule(a, members, today)
                      : 0);
      recorded += n == null ? 0 : n;
    }
    return recorded;
  }
}
