package io.tagbase.security;

/** Roles a user or API key can hold. The privacy issue adds finer roles and data scopes. */
public enum Role {
  ADMIN;

  public String authority() {
    return "ROLE_" + name();
  }
}
