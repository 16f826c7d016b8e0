package io.tagbase.security;

import java.time.Instant;

/** A console user as administrators see it; never the password hash. */
public record UserAccount(
    String username, String displayName, String role, Instant createdAt, Instant disabledAt) {

  public boolean enabled() {
    return disabledAt == null;
  }
}
