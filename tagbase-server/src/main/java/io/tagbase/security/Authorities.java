package io.tagbase.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The Spring authorities a role grants: {@code ROLE_<code>}, one {@code PERM_<permission>} each,
 * and for a role limited to its own customers {@code SCOPE_OWNER:<user>}.
 */
final class Authorities {
  static final String OWNER_PREFIX = "SCOPE_OWNER:";

  private Authorities() {}

  static List<GrantedAuthority> of(RoleDefinition role, String owner) {
    List<GrantedAuthority> granted = new ArrayList<>();
    granted.add(new SimpleGrantedAuthority("ROLE_" + role.code()));
    for (Permission p : role.sortedPermissions()) {
      granted.add(new SimpleGrantedAuthority(p.authority()));
    }
    if (role.scope() == DataScope.OWN_CUSTOMERS) {
      granted.add(new SimpleGrantedAuthority(OWNER_PREFIX + (owner == null ? "" : owner)));
    }
    return granted;
  }
}
