package io.tagbase.security;

import io.tagbase.privacy.CallerAccess;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@link CallerAccess} from the Spring Security context of the current thread. No authentication
 * means work the system does by itself (scheduled jobs, start-up), which sees everything; an
 * anonymous web caller sees nothing personal and no customers.
 */
@Component("access")
class SecurityContextCallerAccess implements CallerAccess {

  @Override
  public String name() {
    Authentication a = current();
    return a == null ? "system" : a.getName();
  }

  @Override
  public boolean seesPersonalData() {
    return holds(Permission.SEE_PII);
  }

  @Override
  public boolean seesSensitiveTags() {
    return holds(Permission.SEE_SENSITIVE_TAGS);
  }

  @Override
  public Optional<String> ownerScope() {
    Authentication a = current();
    if (a == null) {
      return Optional.empty();
    }
    if (a instanceof AnonymousAuthenticationToken) {
      return Optional.of("");
    }
    for (GrantedAuthority g : a.getAuthorities()) {
      if (g.getAuthority().startsWith(Authorities.OWNER_PREFIX)) {
        return Optional.of(g.getAuthority().substring(Authorities.OWNER_PREFIX.length()));
      }
    }
    return Optional.empty();
  }

  /** Whether the caller holds a permission; used by the console to show only allowed links. */
  public boolean can(String permission) {
    return holds(Permission.valueOf(permission));
  }

  private boolean holds(Permission permission) {
    Authentication a = current();
    if (a == null) {
      return true;
    }
    String wanted = permission.authority();
    return a.getAuthorities().stream().anyMatch(g -> wanted.equals(g.getAuthority()));
  }

  private static Authentication current() {
    return SecurityContextHolder.getContext().getAuthentication();
  }
}
