package io.tagbase.privacy;

import java.util.Optional;

/**
 * What the current caller (a console user or an API key, on this thread) may see of customers.
 * Features ask it before showing personal data or customer lists; the security feature implements
 * it from the signed-in role. Work without a caller (scheduled jobs, start-up) sees everything.
 */
public interface CallerAccess {

  /** The caller's name for the audit log: a user name, {@code api-key:<name>} or {@code system}. */
  String name();

  /** Whether personal data (phone, e-mail, fields flagged PII) is shown unmasked. */
  boolean seesPersonalData();

  /** Whether tags marked sensitive or restricted are shown. */
  boolean seesSensitiveTags();

  /** The owner (a user name) whose customers alone the caller sees; empty when it sees all. */
  Optional<String> ownerScope();

  /** Whether a customer with this owner is within the caller's scope. */
  default boolean inScope(String customerOwner) {
    return ownerScope().map(o -> o.equals(customerOwner)).orElse(true);
  }
}
