package io.tagbase.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class JdbcUserDetailsService implements UserDetailsService {
  private final JdbcSecurityRepository repository;
  private final LoginAudit logins;
  private final RoleService roles;

  JdbcUserDetailsService(JdbcSecurityRepository repository, LoginAudit logins, RoleService roles) {
    this.repository = repository;
    this.logins = logins;
    this.roles = roles;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    if (logins.locked(username)) {
      throw new org.springframework.security.authentication.LockedException(
          "Too many failed logins; try again in 15 minutes.");
    }
    var user = repository.user(username).orElseThrow(() -> new UsernameNotFoundException(username));
    // A user whose role was deleted keeps no permissions rather than failing the login page.
    var granted =
        roles
            .find(user.role())
            .map(r -> Authorities.of(r, user.username()))
            .orElse(java.util.List.of());
    return User.withUsername(user.username())
        .password(user.passwordHash())
        .authorities(granted)
        .disabled(user.disabled())
        .build();
  }
}
