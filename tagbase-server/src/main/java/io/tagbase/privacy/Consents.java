package io.tagbase.privacy;

import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent per customer and purpose: record answers (every change kept, and audited), and answer
 * "may we contact customer X for purpose P". A customer who has not answered has not refused, so
 * they may be contacted; only REFUSED stops it. Thread-safe; each call is one short transaction.
 */
@Service
public class Consents {
  /** The purposes the console offers; any other lower-case code is accepted too. */
  public static final List<String> PURPOSES =
      List.of("marketing_sms", "marketing_email", "wecom", "profiling");

  private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9_]{1,39}");
  private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9_.:-]{1,40}");

  private final JdbcConsentRepository repository;
  private final AuditLog audit;
  private final Clock clock;

  Consents(JdbcConsentRepository repository, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

  /** True unless the customer refused {@code purpose}. One indexed read. */
  @Transactional(readOnly = true)
  public boolean mayContact(long customerId, String purpose) {
    return repository.status(customerId, purpose).orElse(null) != ConsentStatus.REFUSED;
  }

  /** Of the given customers (at most a few thousand), those who refused {@code purpose}. */
  @Transactional(readOnly = true)
  public java.util.Set<Long> refused(java.util.Collection<Long> customerIds, String purpose) {
    return repository.refused(customerIds, purpose);
  }

  /** Whether {@code purpose} is a well-formed purpose code. */
  public static boolean isPurpose(String purpose) {
    return purpose != null && PURPOSE.matcher(purpose).matches();
  }

  /** The customer's answers by purpose; 404 for an unknown customer. */
  @Transactional(readOnly = true)
  public List<Consent> of(String customerExternalId) {
    return repository.current(customerId(customerExternalId));
  }

  /** The customer's consent changes, newest first. */
  @Transactional(readOnly = true)
  public List<Consent> history(String customerExternalId, int limit) {
    return repository.history(customerId(customerExternalId), limit);
  }

  /**
   * Records the answers, all or none: 400 naming the first bad item before anything is written, 404
   * for an unknown customer. An answer equal to the current one is not recorded again.
   *
   * @return the customer's answers after the change
   */
  @Transactional
  public List<Consent> set(String customerExternalId, List<ConsentChange> changes, String actor) {
    long customerId = customerId(customerExternalId);
    if (changes == null || changes.isEmpty()) {
      throw new InvalidInputException("consents", "Give at least one purpose and status.");
    }
    List<Consent> valid = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Instant now = clock.instant();
    for (int i = 0; i < changes.size(); i++) {
      ConsentChange c = changes.get(i);
      String at = "consents[" + i + "]";
      if (c == null || c.purpose() == null || !PURPOSE.matcher(c.purpose()).matches()) {
        throw new InvalidInputException(
            at + ".purpose",
            "purpose must be a lower-case code such as marketing_sms, marketing_email, wecom or"
                + " profiling.");
      }
      if (!seen.add(c.purpose())) {
        throw new InvalidInputException(
            at + ".purpose", "Purpose '" + c.purpose() + "' is given twice.");
      }
      ConsentStatus status;
      try {
        status = ConsentStatus.valueOf(String.valueOf(c.status()).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(at + ".status", "status must be GRANTED or REFUSED.");
      }
      String source = c.source() == null || c.source().isBlank() ? "console" : c.source().trim();
      if (!SOURCE.matcher(source).matches()) {
        throw new InvalidInputException(
            at + ".source", "source must be up to 40 letters, digits, '_', '.', ':' or '-'.");
      }
      valid.add(new Consent(c.purpose(), status, source, actor, now));
    }
    Map<String, ConsentStatus> before = new HashMap<>();
    repository.current(customerId).forEach(c -> before.put(c.purpose(), c.status()));
    for (Consent c : valid) {
      if (before.get(c.purpose()) == c.status()) {
        continue;
      }
      repository.set(customerId, c);
      audit.record(
          actor,
          "consent.change",
          "customer",
          customerExternalId,
          c.purpose()
              + ": "
              + (before.containsKey(c.purpose()) ? before.get(c.purpose()) : "none")
              + " -> "
              + c.status()
              + " ("
              + c.source()
              + ")");
    }
    return repository.current(customerId);
  }

  private long customerId(String externalId) {
    return repository
        .customerId(externalId)
        .orElseThrow(
            () -> new NotFoundException("No customer with external id '" + externalId + "'."));
  }
}
