package io.tagbase.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users and roles", description = "Console users, built-in and custom roles")
class UserController {
  private final UserService users;
  private final RoleService roles;

  UserController(UserService users, RoleService roles) {
    this.users = users;
    this.roles = roles;
  }

  record NewUser(String username, String displayName, String role, String password) {}

  record UserChange(String displayName, String role, Boolean enabled) {}

  record PasswordChange(String password) {}

  record RoleBody(String nameZh, String nameEn, String scope, List<String> permissions) {}

  record Me(String name, List<String> permissions, String ownerScope) {}

  @GetMapping("/api/v1/me")
  @Operation(summary = "Who the key acts as: its permissions and data scope")
  Me me(Authentication authentication) {
    var permissions = new TreeSet<String>();
    String owner = null;
    for (GrantedAuthority g : authentication.getAuthorities()) {
      String a = g.getAuthority();
      if (a.startsWith(Permission.PREFIX)) {
        permissions.add(a.substring(Permission.PREFIX.length()));
      } else if (a.startsWith(Authorities.OWNER_PREFIX)) {
        owner = a.substring(Authorities.OWNER_PREFIX.length());
      }
    }
    return new Me(authentication.getName(), List.copyOf(permissions), owner);
  }

  @GetMapping("/api/v1/users")
  @Operation(summary = "Every console user (never their password)")
  List<UserAccount> list() {
    return users.users();
  }

  @PostMapping("/api/v1/users")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a user with a role and an initial password (12+ characters)")
  UserAccount create(@RequestBody NewUser user, Principal principal) {
    return users.create(
        user.username(), user.displayName(), user.role(), user.password(), principal.getName());
  }

  @GetMapping("/api/v1/users/{username}")
  @Operation(summary = "One user")
  UserAccount get(@PathVariable String username) {
    return users.get(username);
  }

  @PutMapping("/api/v1/users/{username}")
  @Operation(summary = "Change a user's display name, role or whether they may log in")
  UserAccount update(
      @PathVariable String username, @RequestBody UserChange change, Principal principal) {
    return users.update(
        username, change.displayName(), change.role(), change.enabled(), principal.getName());
  }

  @PutMapping("/api/v1/users/{username}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Set a new password for a user")
  void password(
      @PathVariable String username, @RequestBody PasswordChange change, Principal principal) {
    users.resetPassword(username, change.password(), principal.getName());
  }

  @GetMapping("/api/v1/roles")
  @Operation(summary = "Built-in and custom roles with their permissions and data scope")
  List<RoleDefinition> roles() {
    return roles.roles();
  }

  @GetMapping("/api/v1/roles/permissions")
  @Operation(summary = "Every permission a custom role can be made of")
  Map<String, List<Permission>> permissions() {
    return Map.of("permissions", List.of(Permission.values()));
  }

  @PutMapping("/api/v1/roles/{code}")
  @Operation(summary = "Create or replace a custom role (built-in roles cannot be changed)")
  RoleDefinition save(@PathVariable String code, @RequestBody RoleBody role, Principal principal) {
    return roles.save(
        code, role.nameZh(), role.nameEn(), role.scope(), role.permissions(), principal.getName());
  }

  @DeleteMapping("/api/v1/roles/{code}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a custom role nobody holds")
  void delete(@PathVariable String code, Principal principal) {
    roles.delete(code, principal.getName());
  }
}
