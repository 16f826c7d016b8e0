package io.tagbase.automation;

import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerService;
import io.tagbase.privacy.AuditLog;
import io.tagbase.web.ConflictException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automations' API: define them, read their run log and dead letters, replay, and test one
 * against a customer. Webhook secrets are never shown: they come back as {@value #MASK}, and a
 * masked or empty secret sent back keeps the stored one. Changes are audited. Thread-safe.
 */
@Service
public class AutomationService {
  public static final String MASK = "********";

  private final JdbcAutomationRepository repository;
  private final JdbcOutboxRepository outbox;
  private final AutomationValidator validator;
  private final AutomationConditions conditions;
  private final OutboxWorker worker;
  private final CustomerService customers;
  private final AuditLog audit;
  private final Clock clock;

  AutomationService(
      JdbcAutomationRepository repository,
      JdbcOutboxRepository outbox,
      AutomationValidator validator,
      AutomationConditions conditions,
      OutboxWorker worker,
      CustomerService customers,
      AuditLog audit,
      Clock clock) {
    this.repository = repository;
    this.outbox = outbox;
    this.validator = validator;
    this.conditions = conditions;
    this.worker = worker;
    this.customers = customers;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<AutomationSummary> all() {
    return repository.all().stream()
        .map(a -> new AutomationSummary(masked(a), outbox.counts(a.id())))
        .toList();
  }

  /** The automation, secrets masked; 404 when unknown. */
  @Transactional(readOnly = true)
  public Automation get(String code) {
    return masked(stored(code));
  }

  /** 400 naming the field at fault, 409 when the code is taken. */
  @Transactional
  public Automation create(NewAutomation automation, String actor) {
    NewAutomation a = validator.check(automation);
    if (repository.find(a.code()).isPresent()) {
      throw new ConflictException("code", "An automation with code '" + a.code() + "' exists.");
    }
    repository.insert(a, actor, clock.instant());
    audit.record(actor, "automation.create", "automation", a.code(), describe(a));
    return get(a.code());
  }

  /** Replaces the definition (the code stays); 400, or 404 when unknown. */
  @Transactional
  public Automation update(String code, NewAutomation automation, String actor) {
    Automation before = stored(code);
    NewAutomation a = validator.check(withCode(keepSecrets(automation, before), code));
    repository.update(a, clock.instant());
    audit.record(actor, "automation.update", "automation", code, describe(a));
    return get(code);
  }

  @Transactional
  public Automation setEnabled(String code, boolean enabled, String actor) {
    stored(code);
    repository.setEnabled(code, enabled, clock.instant());
    audit.record(
        actor, enabled ? "automation.enable" : "automation.disable", "automation", code, null);
    return get(code);
  }

  /** The run log, newest first; {@code customer} and {@code outcome} filter when given. */
  @Transactional(readOnly = true)
  public List<AutomationRun> runs(String code, String customer, String outcome, int limit) {
    Long automationId = code == null ? null : stored(code).id();
    Long customerId = customer == null ? null : customers.get(customer).id();
    return outbox.runs(automationId, customerId, outcome, limit);
  }

  /** Dead-lettered actions, newest first; of one automation when {@code code} is given. */
  @Transactional(readOnly = true)
  public List<OutboxRow> deadLetters(String code, int limit) {
    return outbox.byStatus(code == null ? null : stored(code).id(), "DEAD", limit);
  }

  /** Actions and gates waiting to be worked, of one automation. */
  @Transactional(readOnly = true)
  public List<OutboxRow> pending(String code, int limit) {
    return outbox.byStatus(stored(code).id(), "PENDING", limit);
  }

  /**
   * Puts a dead letter back in the queue, attempts reset, with the same idempotency key; 404 when
   * there is no such dead letter.
   */
  @Transactional
  public OutboxRow replay(long outboxId, String actor) {
    OutboxRow row =
        outbox
            .get(outboxId)
            .filter(r -> "DEAD".equals(r.status()))
            .orElseThrow(() -> new NotFoundException("No dead letter " + outboxId + "."));
    outbox.replay(outboxId, clock.instant());
    outbox.log(
        row.automationId(),
        row.id(),
        row.customerId(),
        row.transitionKey(),
        row.actionIndex(),
        "REPLAYED",
        "replayed by " + actor,
        clock.instant());
    audit.record(actor, "automation.replay", "automation", row.automationCode(), row.idemKey());
    return outbox.get(outboxId).orElseThrow();
  }

  /** Replays every dead letter of the automation; returns how many. */
  @Transactional
  public int replayAll(String code, String actor) {
    int n = 0;
    for (OutboxRow row : outbox.byStatus(stored(code).id(), "DEAD", 10_000)) {
      replay(row.id(), actor);
      n++;
    }
    return n;
  }

  /**
   * What the automation (as given, saved or not) would do for the customer now: the checks and each
   * action, with the webhook body it would sign. Nothing is sent or written.
   */
  @Transactional(readOnly = true)
  public AutomationTest test(NewAutomation automation, String customerExternalId) {
    Automation saved = repository.find(String.valueOf(automation.code())).orElse(null);
    NewAutomation a = validator.check(saved == null ? automation : keepSecrets(automation, saved));
    Customer customer = customers.get(customerExternalId);
    Instant now = clock.instant();
    Automation candidate =
        new Automation(
            saved == null ? -1 : saved.id(),
            a.code(),
            a.name(),
            true,
            a.trigger(),
            a.condition(),
            a.purpose(),
            a.capCount(),
            a.capDays(),
            a.quietStart(),
            a.quietEnd(),
            a.actions(),
            "test",
            now,
            now);
    AutomationConditions.Verdict verdict =
        conditions.check(candidate, customer.id(), customer.externalId());
    String transitionKey = "test:" + now.toEpochMilli();
    List<AutomationTest.Step> steps = new ArrayList<>();
    for (int i = 0; i < a.actions().size(); i++) {
      AutomationAction action = a.actions().get(i);
      String body = null;
      String signature = null;
      if (action.kind() == ActionKind.WEBHOOK) {
        OutboxRow row =
            new OutboxRow(
                0,
                "a:" + candidate.id() + ":" + customer.id() + ":" + transitionKey + ":" + i,
                candidate.id(),
                a.code(),
                customer.id(),
                customer.externalId(),
                transitionKey,
                "{\"type\":\"TEST\"}",
                i,
                action.kind().name(),
                "PENDING",
                0,
                now,
                null,
                now,
                null);
        body = worker.body(candidate, row);
        signature = "sha256=" + WebhookSender.sign(action.secret(), body);
      }
      steps.add(
          new AutomationTest.Step(i, action.kind().name(), action.describe(), body, signature));
    }
    String outcome = verdict.go() ? "GO" : verdict.deferUntil() != null ? "DEFER" : "SKIP";
    String reason = verdict.skipReason() != null ? verdict.skipReason() : verdict.deferReason();
    return new AutomationTest(customer.externalId(), outcome, reason, steps);
  }

  private Automation stored(String code) {
    return repository
        .find(code)
        .orElseThrow(() -> new NotFoundException("No automation '" + code + "'."));
  }

  private static Automation masked(Automation a) {
    List<AutomationAction> actions =
        a.actions().stream()
            .map(
                x ->
                    x.secret() == null
                        ? x
                        : new AutomationAction(
                            x.kind(),
                            x.url(),
                            MASK,
                            x.timeoutMs(),
                            x.maxAttempts(),
                            x.title(),
                            x.note(),
                            x.dueDays(),
                            x.team(),
                            x.assignTo(),
                            x.tag(),
                            x.value(),
                            x.batch(),
                            x.message(),
                            x.recipient()))
            .toList();
    return new Automation(
        a.id(),
        a.code(),
        a.name(),
        a.enabled(),
        a.trigger(),
        a.condition(),
        a.purpose(),
        a.capCount(),
        a.capDays(),
        a.quietStart(),
        a.quietEnd(),
        actions,
        a.createdBy(),
        a.createdAt(),
        a.updatedAt());
  }

  /** A masked or empty webhook secret takes the stored one of the same URL. */
  private static NewAutomation keepSecrets(NewAutomation a, Automation stored) {
    if (a == null || a.actions() == null) {
      return a;
    }
    List<AutomationAction> actions = new ArrayList<>();
    for (AutomationAction given : a.actions()) {
      AutomationAction x = given;
      if (x != null
          && x.kind() == ActionKind.WEBHOOK
          && (x.secret() == null || x.secret().isBlank() || MASK.equals(x.secret()))) {
        String secret =
            stored.actions().stream()
                .filter(s -> s.kind() == ActionKind.WEBHOOK && s.url().equals(given.url()))
                .map(AutomationAction::secret)
                .findFirst()
                .orElse(given.secret());
        x =
            new AutomationAction(
                x.kind(),
                x.url(),
                secret,
                x.timeoutMs(),
                x.maxAttempts(),
                x.title(),
                x.note(),
                x.dueDays(),
                x.team(),
                x.assignTo(),
                x.tag(),
                x.value(),
                x.batch(),
                x.message(),
                x.recipient());
      }
      actions.add(x);
    }
    return new NewAutomation(
        a.code(),
        a.name(),
        a.enabled(),
        a.trigger(),
        a.condition(),
        a.purpose(),
        a.capCount(),
        a.capDays(),
        a.quietStart(),
        a.quietEnd(),
        actions);
  }

  private static NewAutomation withCode(NewAutomation a, String code) {
    return a == null
        ? null
        : new NewAutomation(
            code,
            a.name(),
            a.enabled(),
            a.trigger(),
            a.condition(),
            a.purpose(),
            a.capCount(),
            a.capDays(),
            a.quietStart(),
            a.quietEnd(),
            a.actions());
  }

  private static String describe(NewAutomation a) {
    return a.trigger().kind()
        + " "
        + a.trigger().target()
        + " -> "
        + a.actions().stream().map(AutomationAction::describe).toList();
  }
}
