package io.tagbase.security;

import io.tagbase.privacy.AuditLog;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles: the built-in ones ({@link Role}, fixed) and custom roles made of permissions and a data
 * scope. Every change is audited. Thread-safe; a custom role is read with two small queries.
 */
@Service
public class RoleService {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

  private final JdbcAccountRepository repository;
  private final AuditLog audit;
  private final Clock clock;

  RoleService(JdbcAccountRepository repository, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

  /** Built-in roles first, then custom roles by code. */
  @Transactional(readOnly = true)
  public List<RoleDefinition> roles() {
    List<RoleDefinition> all = new ArrayList<>();
    Arrays.stream(Role.values()).map(Role::definition).forEach(all::add);
    all.addAll(repository.customRoles());
    return all;
  }

  @Transactional(readOnly = true)
  public Optional<RoleDefinition> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    if (Role.isBuiltIn(code)) {
      return Optional.of(Role.valueOf(code).definition());
    }
    return repository.customRole(code);
  }

  /** The role with this code; 400 naming {@code field} when there is none. */
  @Transactional(readOnly = true)
  public RoleDefinition require(String field, String code) {
    return find(code)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    field,
                    field
                        + " must be one of "
                        + roles().stream().map(RoleDefinition::code).toList()
                        + "."));
  }

  /** Creates or replaces a custom role; built-in roles cannot be changed. */
  @Transactional
  public RoleDefinition save(
      String code,
      String nameZh,
      String nameEn,
      String scope,
      List<String> permissions,
      String actor) {
    String c = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
    if (!CODE.matcher(c).matches()) {
      throw new InvalidInputException(
          "code",
          "code must be 2-40 letters, digits or _ and start with a letter, e.g. REGION_LEAD.");
    }
    if (Role.isBuiltIn(c)) {
      throw new ConflictException("code", c + " is a built-in role and cannot be changed.");
    }
    String zh = text("nameZh", nameZh);
    String en = nameEn == null || nameEn.isBlank() ? zh : text("nameEn", nameEn);
    DataScope dataScope;
    try {
      dataScope = scope == null || scope.isBlank() ? DataScope.ALL : DataScope.valueOf(scope);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("scope", "scope must be ALL or OWN_CUSTOMERS.");
    }
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    for (String p : permissions == null ? List.<String>of() : permissions) {
      try {
        granted.add(Permission.valueOf(p));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "permissions",
            "Unknown permission '" + p + "'; use one of " + List.of(Permission.values()) + ".");
      }
    }
    if (granted.isEmpty()) {
      throw new InvalidInputException("permissions", "A role needs at least one permission.");
    }
    boolean create = repository.customRole(c).isEmpty();
    var role = new RoleDefinition(c, zh, en, dataScope, granted, false);
    repository.saveRole(role, actor, clock.instant(), create);
    audit.record(
        actor,
        create ? "ROLE_CREATED" : "ROLE_CHANGED",
        "role",
        c,
        dataScope
            + " "
            + new java.util.TreeSet<>(granted)
                .stream().map(Enum::name).collect(Collectors.joining(",")));
    return role;
  }

  /** Deletes a custom role no user or active key holds; 409 otherwise. */
  @Transactional
  public void delete(String code, String actor) {
    if (Role.isBuiltIn(code)) {
      throw new ConflictException("code", code + " is a built-in role and cannot be deleted.");
    }
    if (repository.customRole(code).isEmpty()) {
      throw new NotFoundException("No custom role '" + code + "'.");
    }
    if (repository.usesOfRole(code) > 0) {
      throw new ConflictException(
          "code", "Role " + code + " is held by users or keys; give them another role first.");
    }
    repository.deleteRole(code);
    audit.record(actor, "ROLE_DELETED", "role", code, null);
  }

  private static String text(String field, String value) {
    if (value == null || value.isBlank() || value.length() > 100) {
      throw new InvalidInputException(field, field + " is required, at most 100 characters.");
    }
    return value.trim();
  }
}
