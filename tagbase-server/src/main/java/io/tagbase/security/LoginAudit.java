package io.tagbase.security;

import io.tagbase.privacy.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Logins on the audit log, and login throttling: after 5 failed attempts for a user name within 15
 * minutes, that name is locked for 15 minutes (the lock is kept in memory; a restart lifts it).
 */
@Component
class LoginAudit {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private record Failures(int count, Instant first) {}

  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  LoginAudit(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @EventListener
  void on(InteractiveAuthenticationSuccessEvent success) {
    String user = success.getAuthentication().getName();
    failures.remove(user);
    audit.record(user, "LOGIN", "user", user, null);
  }

  @EventListener
  void on(AbstractAuthenticationFailureEvent failure) {
    String user = String.valueOf(failure.getAuthentication().getPrincipal());
    Instant now = clock.instant();
    failures.merge(
        user,
        new Failures(1, now),
        (old, one) ->
            old.first().plus(WINDOW).isBefore(now)
                ? one
                : new Failures(old.count() + 1, old.first()));
    audit.record(
        user, "LOGIN_FAILED", "user", user, failure.getException().getClass().getSimpleName());
  }

  /** Whether the user name has failed too often recently. */
  boolean locked(String user) {
    Failures f = failures.get(user);
    return f != null
        && f.count() >= MAX_FAILURES
        && f.first().plus(WINDOW).isAfter(clock.instant());
  }
}
