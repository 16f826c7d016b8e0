package io.tagbase.automation;

import io.tagbase.tagging.MembershipIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the outbox: every {@code tagbase.automation.poll-interval} (5 s) it claims due rows with a
 * lease ({@code tagbase.automation.lease}, 5 min, longer than any webhook timeout) and works them
 * one by one. A worker that stops mid-delivery leaves its rows leased; when the lease runs out any
 * worker takes them again and, for a webhook, sends the same idempotency key again. Failed attempts
 * are retried after {@code backoff} x 2^(attempt-1), at most {@code max-backoff} (1 h), and
 * dead-lettered after the action's last attempt. One thread per instance; instances sharing a
 * database never work the same row at the same time.
 */
@Component
public class OutboxWorker {
  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
  private static final int BATCH = 50;

  private final JdbcOutboxRepository outbox;
  private final JdbcAutomationRepository automations;
  private final AutomationConditions conditions;
  private final LocalActions local;
  private final WebhookSender webhooks;
  private final MembershipIndex index;
  private final JdbcTaskRepository tasks;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration lease;
  private final Duration backoff;
  private final Duration maxBackoff;
  private final String owner = "worker-" + UUID.randomUUID();
  private volatile Thread working;
  private volatile boolean stopping;
  private final io.tagbase.taxonomy.TagActivity activity;

  OutboxWorker(
      io.tagbase.taxonomy.TagActivity activity,
      JdbcOutboxRepository outbox,
      JdbcAutomationRepository automations,
      AutomationConditions conditions,
      LocalActions local,
      WebhookSender webhooks,
      MembershipIndex index,
      JdbcTaskRepository tasks,
      TransactionTemplate tx,
      Clock clock,
      @Value("${tagbase.automation.lease:PT5M}") Duration lease,
      @Value("${tagbase.automation.backoff:PT10S}") Duration backoff,
      @Value("${tagbase.automation.max-backoff:PT1H}") Duration maxBackoff) {
    this.activity = activity;
    this.outbox = outbox;
    this.automations = automations;
    this.conditions = conditions;
    this.local = local;
    this.webhooks = webhooks;
    this.index = index;
    this.tasks = tasks;
    this.tx = tx;
    this.clock = clock;
    this.lease = lease;
    this.backoff = backoff;
    this.maxBackoff = maxBackoff;
  }

  @Scheduled(
      fixedDelayString = "${tagbase.automation.poll-interval:PT5S}",
      initialDelayString = "${tagbase.automation.poll-interval:PT5S}")
  void poll() {
    working = Thread.currentThread();
    try {
      while (!stopping && runOnce() > 0 && !Thread.currentThread().isInterrupted()) {
        // Keep going while there is due work; the next poll picks up what is due later.
      }
    } catch (RuntimeException e) {
      if (!stopping) {
        log.warn("Automation outbox poll failed: {}", e.getMessage());
      }
    } finally {
      working = null;
    }
  }

  /**
   * On shutdown, stops at once, even mid-webhook: the row keeps its lease and is delivered again
   * (same idempotency key) after the lease, by whichever instance runs then.
   */
  @org.springframework.context.event.EventListener(
      org.springframework.context.event.ContextClosedEvent.class)
  void stop() {
    stopping = true;
    Thread t = working;
    if (t != null) {
      t.interrupt();
    }
  }

  /** Works the rows due now (at most one batch); returns how many it worked. */
  public synchronized int runOnce() {
    int worked = 0;
    for (long id : outbox.due(clock.instant(), BATCH)) {
      if (stopping || Thread.currentThread().isInterrupted()) {
        break;
      }
      Instant now = clock.instant();
      if (!outbox.claim(id, owner, now, now.plus(lease))) {
        continue;
      }
      OutboxRow row = outbox.get(id).orElseThrow();
      try {
        work(row);
      } catch (InterruptedException e) {
        // Stopping mid-delivery: the row stays leased and is delivered again after the lease.
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        if (stopping) {
          break;
        }
        log.warn("Outbox row {} failed: {}", id, e.toString());
        failed(row, null, e.toString());
      }
      worked++;
    }
    return worked;
  }

  private void work(OutboxRow row) throws InterruptedException {
    Automation a = automations.find(row.automationId()).orElseThrow();
    activity.automationRan(a.code()); // its tags count as used (governance's idle finding)
    if (row.gate()) {
      gate(a, row);
      return;
    }
    if (row.actionIndex() == null || row.actionIndex() >= a.actions().size()) {
      finish(row, "DEAD", "FAILED", "the automation no longer has action " + row.actionIndex());
      return;
    }
    AutomationAction action = a.actions().get(row.actionIndex());
    if (action.kind() != ActionKind.valueOf(row.kind())) {
      finish(
          row,
          "DEAD",
          "FAILED",
          "action " + row.actionIndex() + " was changed to " + action.kind());
      return;
    }
    if (action.kind() == ActionKind.WEBHOOK) {
      String note;
      try {
        note = webhooks.send(action, row.idemKey(), row.attempts() + 1, body(a, row));
      } catch (DeliveryFailure e) {
        failed(row, action, e.getMessage());
        return;
      }
      finish(row, "DONE", "DELIVERED", note);
      return;
    }
    try {
      tx.executeWithoutResult(
          s -> {
            String note = local.apply(a, action, row);
            if (!outbox.finish(
                row.id(), owner, "DONE", row.attempts() + 1, null, clock.instant())) {
              throw new LeaseLost();
            }
            outbox.log(
                a.id(),
                row.id(),
                row.customerId(),
                row.transitionKey(),
                row.actionIndex(),
                "DELIVERED",
                note,
                clock.instant());
          });
    } catch (LeaseLost e) {
      // Another worker took the row over; what it does counts.
    } catch (DuplicateKeyException e) {
      // Applied by a worker whose lease ran out before it could mark the row: already done.
      finish(row, "DONE", "DELIVERED", "already applied");
    } catch (DeliveryFailure e) {
      failed(row, action, e.getMessage(), e.permanent());
    }
  }

  private void gate(Automation a, OutboxRow row) {
    AutomationConditions.Verdict verdict = conditions.check(a, row.customerId(), row.customer());
    Instant now = clock.instant();
    if (verdict.deferUntil() != null) {
      tx.executeWithoutResult(
          s -> {
            if (outbox.later(row.id(), owner, row.attempts(), null, verdict.deferUntil())) {
              log(row, "DEFERRED", verdict.deferReason());
            }
          });
      return;
    }
    if (!verdict.go()) {
      finish(row, "SKIPPED", "SKIPPED", verdict.skipReason());
      return;
    }
    tx.executeWithoutResult(
        s -> {
          for (int i = 0; i < a.actions().size(); i++) {
            outbox.insert(
                "a:" + row.idemKey().substring(2) + ":" + i,
                a.id(),
                row.customerId(),
                row.transitionKey(),
                row.transition(),
                i,
                a.actions().get(i).kind().name(),
                now,
                now);
          }
          if (!outbox.finish(row.id(), owner, "DONE", row.attempts() + 1, null, now)) {
            s.setRollbackOnly();
          }
        });
  }

  private void failed(OutboxRow row, AutomationAction action, String error) {
    failed(row, action, error, false);
  }

  private void failed(OutboxRow row, AutomationAction action, String error, boolean permanent) {
    int attempts = row.attempts() + 1;
    int max = action == null ? AutomationAction.DEFAULT_ATTEMPTS : action.attempts();
    if (permanent || attempts >= max) {
      finish(
          row,
          "DEAD",
          "FAILED",
          (permanent ? "cannot be delivered: " : "gave up after " + attempts + " attempts: ")
              + error,
          attempts);
      return;
    }
    Instant next = clock.instant().plus(delay(attempts));
    tx.executeWithoutResult(
        s -> {
          if (outbox.later(row.id(), owner, attempts, error, next)) {
            log(row, "RETRIED", "attempt " + attempts + " failed: " + error + "; next at " + next);
          }
        });
  }

  /** The wait after the n-th failed attempt: backoff x 2^(n-1), at most max-backoff. */
  Duration delay(int attempts) {
    Duration d = backoff.multipliedBy(1L << Math.min(attempts - 1, 30));
    return d.compareTo(maxBackoff) > 0 || d.isNegative() ? maxBackoff : d;
  }

  private void finish(OutboxRow row, String status, String outcome, String reason) {
    finish(row, status, outcome, reason, row.attempts() + 1);
  }

  private void finish(OutboxRow row, String status, String outcome, String reason, int attempts) {
    tx.executeWithoutResult(
        s -> {
          String error = "DONE".equals(status) ? null : reason;
          if (outbox.finish(row.id(), owner, status, attempts, error, clock.instant())) {
            log(row, outcome, reason);
          }
        });
  }

  private void log(OutboxRow row, String outcome, String reason) {
    outbox.log(
        row.automationId(),
        row.id(),
        row.customerId(),
        row.transitionKey(),
        row.actionIndex(),
        outcome,
        reason,
        clock.instant());
  }

  /** The webhook's JSON body: who, what happened, which automation and action. */
  String body(Automation a, OutboxRow row) {
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("id", row.customer());
    customer.put("owner", tasks.owner(row.customerId()).orElse(null));
    customer.put("tags", index.tagsOf(row.customer()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("idempotencyKey", row.idemKey());
    body.put("automation", Map.of("code", a.code(), "name", a.name()));
    body.put("action", row.actionIndex());
    body.put("customer", customer);
    body.put("transition", JdbcAutomationRepository.JSON.readTree(row.transition()));
    body.put("sentAt", clock.instant().toString());
    return JdbcAutomationRepository.JSON.writeValueAsString(body);
  }

  /** The row was taken over by another worker while this one worked it. */
  private static final class LeaseLost extends RuntimeException {
    LeaseLost() {
      super(null, null, false, false);
    }
  }

  List<OutboxRow> pendingOf(long automationId) {
    return outbox.byStatus(automationId, "PENDING", 100);
  }
}
