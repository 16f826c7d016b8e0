package io.tagbase.security;

import java.time.Instant;

/**
 * What is known of a key without its secret: only a short prefix is shown, to tell keys apart.
 *
 * @param kind API (REST API) or WRITE (tracking API write key)
 */
public record KeyInfo(
    long id,
    String name,
    String prefix,
    String kind,
    String role,
    String createdBy,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt) {

  public boolean active(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }
}
