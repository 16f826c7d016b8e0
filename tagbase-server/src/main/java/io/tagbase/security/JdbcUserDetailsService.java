package io.tagbase.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class JdbcUserDetailsService implements UserDetailsService {
  private final JdbcSecurityRepository repository;
  private final LoginAudit logins;

  JdbcUserDetailsService(JdbcSecurityRepository repository, LoginAudit logins) {
    this.repository = repository;
    this.logins = logins;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    if (logins.locked(username)) {
      throw new org.springframework.security.authentication.LockedException(
          "Too many failed logins; try again in 15 minutes.");
    }
    var user = repository.user(username).orElseThrow(() -> new UsernameNotFoundException(username));
    return new User(
        user.username(),
        user.passwordHash(),
        List.of(new SimpleGrantedAuthority(user.role().authority())));
  }
}
