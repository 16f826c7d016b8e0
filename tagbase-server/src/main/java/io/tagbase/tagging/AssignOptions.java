package io.tagbase.tagging;

import java.time.Instant;

/**
 * Options of one assignment.
 *
 * @param value the value code, required for a layered tag and absent for a flag tag
 * @param expiresAt when the tag should be taken away; null for the tag's default TTL (or never)
 * @param reason free text kept in the membership history
 */
public record AssignOptions(String value, Instant expiresAt, String reason) {
  public static final AssignOptions NONE = new AssignOptions(null, null, null);

  public static AssignOptions value(String value) {
    return new AssignOptions(value, null, null);
  }
}
