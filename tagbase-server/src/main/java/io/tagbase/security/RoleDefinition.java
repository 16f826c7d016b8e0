package io.tagbase.security;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A role: built in ({@link Role}) or custom, made of permissions and a data scope.
 *
 * @param code upper-case identifier users and keys refer to
 */
public record RoleDefinition(
    String code,
    String nameZh,
    String nameEn,
    DataScope scope,
    Set<Permission> permissions,
    boolean builtIn) {

  public RoleDefinition {
    permissions = Set.copyOf(permissions);
  }

  public String name(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
  }

  public boolean has(Permission permission) {
    return permissions.contains(permission);
  }

  /** Permissions in declaration order, for display. */
  public Set<Permission> sortedPermissions() {
    return new TreeSet<>(permissions);
  }
}
