package io.tagbase.security;

import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The users and roles pages: create users, change their role, disable them; custom roles. */
@Controller
class UserConsoleController {
  private final UserService users;
  private final RoleService roles;

  UserConsoleController(UserService users, RoleService roles) {
    this.users = users;
    this.roles = roles;
  }

  @GetMapping("/users")
  String users(Model model) {
    model.addAttribute("users", users.users());
    model.addAttribute("roles", roles.roles());
    return "security/users";
  }

  @PostMapping("/users")
  String create(
      @RequestParam String username,
      @RequestParam(required = false) String displayName,
      @RequestParam String role,
      @RequestParam String password,
      Principal principal) {
    users.create(username, displayName, role, password, principal.getName());
    return "redirect:/users";
  }

  @PostMapping("/users/{username}")
  String update(
      @PathVariable String username,
      @RequestParam String role,
      @RequestParam(defaultValue = "false") boolean enabled,
      Principal principal) {
    users.update(username, null, role, enabled, principal.getName());
    return "redirect:/users";
  }

  @PostMapping("/users/{username}/password")
  String password(
      @PathVariable String username, @RequestParam String password, Principal principal) {
    users.resetPassword(username, password, principal.getName());
    return "redirect:/users";
  }

  @GetMapping("/roles")
  String roles(Model model) {
    model.addAttribute("roles", roles.roles());
    model.addAttribute("permissions", Permission.values());
    return "security/roles";
  }

  @PostMapping("/roles")
  String saveRole(
      @RequestParam String code,
      @RequestParam String nameZh,
      @RequestParam(required = false) String nameEn,
      @RequestParam(defaultValue = "ALL") String scope,
      @RequestParam(required = false) List<String> permissions,
      Principal principal) {
    roles.save(code, nameZh, nameEn, scope, permissions, principal.getName());
    return "redirect:/roles";
  }

  @PostMapping("/roles/{code}/delete")
  String deleteRole(@PathVariable String code, Principal principal) {
    roles.delete(code, principal.getName());
    return "redirect:/roles";
  }
}
