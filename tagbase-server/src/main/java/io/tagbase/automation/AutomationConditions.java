package io.tagbase.automation;

import io.tagbase.privacy.Consents;
import io.tagbase.rules.RuleRefused;
import io.tagbase.rules.RuleService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The checks on a customer at the time of the action, in the order a person would ask them: is the
 * automation on, is it quiet hours (then later, not never), did they refuse the purpose, does the
 * event condition and the automation's rule hold, is the frequency cap reached.
 */
@Component
class AutomationConditions {
  /** A check's verdict: go, skip with a reason, or wait until a time. */
  record Verdict(String skipReason, Instant deferUntil, String deferReason) {
    static final Verdict GO = new Verdict(null, null, null);

    boolean go() {
      return skipReason == null && deferUntil == null;
    }
  }

  private final Consents consents;
  private final RuleService rules;
  private final JdbcOutboxRepository outbox;
  private final Clock clock;
  private final ZoneId zone;

  AutomationConditions(
      Consents consents,
      RuleService rules,
      JdbcOutboxRepository outbox,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.consents = consents;
    this.rules = rules;
    this.outbox = outbox;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  Verdict check(Automation a, long customerId, String externalId) {
    if (!a.enabled()) {
      return skip("automation is disabled");
    }
    Instant now = clock.instant();
    Instant quietEnd = quietUntil(a, now);
    if (quietEnd != null) {
      return new Verdict(
          null,
          quietEnd,
          "quiet hours " + a.quietStart() + "-" + a.quietEnd() + ", until " + quietEnd);
    }
    if (a.purpose() != null && !consents.mayContact(customerId, a.purpose())) {
      return skip("no consent: the customer refused " + a.purpose());
    }
    LocalDate today = LocalDate.ofInstant(now, zone);
    if (a.trigger().kind() == TriggerKind.EVENT && !blank(a.trigger().condition())) {
      Optional<String> fails = holds(a.trigger().condition(), externalId, today, "event condition");
      if (fails.isPresent()) {
        return skip(fails.get());
      }
    }
    if (!blank(a.condition())) {
      Optional<String> fails = holds(a.condition(), externalId, today, "condition");
      if (fails.isPresent()) {
        return skip(fails.get());
      }
    }
    if (a.capCount() != null && a.capDays() != null) {
      int passed = outbox.passedSince(a.id(), customerId, now.minus(Duration.ofDays(a.capDays())));
      if (passed >= a.capCount()) {
        return skip(
            "frequency cap: at most "
                + a.capCount()
                + " per customer in "
                + a.capDays()
                + " days, reached");
      }
    }
    return Verdict.GO;
  }

  /** The end of the quiet period {@code now} falls in, or null outside quiet hours. */
  Instant quietUntil(Automation a, Instant now) {
    if (blank(a.quietStart()) || blank(a.quietEnd())) {
      return null;
    }
    LocalTime start = LocalTime.parse(a.quietStart());
    LocalTime end = LocalTime.parse(a.quietEnd());
    ZonedDateTime local = now.atZone(zone);
    LocalTime t = local.toLocalTime();
    boolean quiet =
        start.isBefore(end)
            ? !t.isBefore(start) && t.isBefore(end)
            : !t.isBefore(start) || t.isBefore(end);
    if (!quiet) {
      return null;
    }
    ZonedDateTime until = local.with(end);
    if (!until.isAfter(local)) {
      until = until.plusDays(1);
    }
    return until.toInstant();
  }

  private Optional<String> holds(String text, String externalId, LocalDate today, String what) {
    try {
      return rules.holds(text, externalId, today)
          ? Optional.empty()
          : Optional.of(what + " not met: " + text);
    } catch (RuleRefused e) {
      return Optional.of(what + " cannot be checked: " + e.getMessage());
    }
  }

  private static Verdict skip(String reason) {
    return new Verdict(reason, null, null);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
