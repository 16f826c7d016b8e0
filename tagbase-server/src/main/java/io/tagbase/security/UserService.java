package io.tagbase.security;

import io.tagbase.privacy.AuditLog;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console users: created with a role, given another role, disabled and enabled, passwords reset.
 * Passwords are stored as bcrypt hashes. The last enabled administrator cannot be demoted or
 * disabled. Every change is audited.
 */
@Service
public class UserService {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");
  static final int MIN_PASSWORD = 12;

  private final JdbcSecurityRepository security;
  private final JdbcAccountRepository accounts;
  private final RoleService roles;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final Clock clock;

  UserService(
      JdbcSecurityRepository security,
      JdbcAccountRepository accounts,
      RoleService roles,
      PasswordEncoder encoder,
      AuditLog audit,
      Clock clock) {
    this.security = security;
    this.accounts = accounts;
    this.roles = roles;
    this.encoder = encoder;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<UserAccount> users() {
    return accounts.users();
  }

  @Transactional(readOnly = true)
  public UserAccount get(String username) {
    return accounts
        .user(username)
        .orElseThrow(() -> new NotFoundException("No user '" + username + "'."));
  }

  /** Creates a user; 409 when the name is taken, 400 for a short password or unknown role. */
  @Transactional
  public UserAccount create(
      String username, String displayName, String role, String password, String actor) {
    if (username == null || !USERNAME.matcher(username.trim()).matches()) {
      throw new InvalidInputException(
          "username", "username must be 2-100 letters, digits or . _ @ -.");
    }
    String name = username.trim();
    if (security.user(name).isPresent()) {
      throw new ConflictException("username", "A user '" + name + "' exists.");
    }
    String code = roles.require("role", role).code();
    checkPassword(password);
    security.insertUser(name, encoder.encode(password), code, blank(displayName), clock.instant());
    audit.record(actor, "USER_CREATED", "user", name, "role " + code);
    return get(name);
  }

  /** Changes a user's display name, role and whether they may log in. */
  @Transactional
  public UserAccount update(
      String username, String displayName, String role, Boolean enabled, String actor) {
    UserAccount user = get(username);
    String code = role == null ? user.role() : roles.require("role", role).code();
    boolean willBeEnabled = enabled == null ? user.enabled() : enabled;
    if (Role.ADMIN.name().equals(user.role())
        && user.enabled()
        && (!willBeEnabled || !Role.ADMIN.name().equals(code))
        && accounts.activeUsersWithRole(Role.ADMIN.name()) <= 1) {
      throw new ConflictException(
          "role", "This is the last enabled administrator; make another administrator first.");
    }
    Instant now = clock.instant();
    Instant disabledAt = willBeEnabled ? null : user.enabled() ? now : user.disabledAt();
    String display = displayName == null ? user.displayName() : blank(displayName);
    accounts.updateUser(username, display, code, disabledAt, now);
    audit.record(
        actor,
        "USER_CHANGED",
        "user",
        username,
        "role " + code + (willBeEnabled ? ", enabled" : ", disabled"));
    return get(username);
  }

  @Transactional
  public void resetPassword(String username, String password, String actor) {
    get(username);
    checkPassword(password);
    accounts.setPassword(username, encoder.encode(password), clock.instant());
    audit.record(actor, "PASSWORD_RESET", "user", username, null);
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
      throw new InvalidInputException(
          "password", "password must be " + MIN_PASSWORD + " to 200 characters.");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
