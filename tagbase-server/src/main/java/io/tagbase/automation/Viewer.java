package io.tagbase.automation;

import org.springframework.security.core.Authentication;

/** Who is asking: their username, and whether they manage the team (administrators do). */
record Viewer(String username, boolean manager) {
  static Viewer of(Authentication auth) {
    boolean manager =
        auth != null
            && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    return new Viewer(auth == null ? "" : auth.getName(), manager);
  }
}
