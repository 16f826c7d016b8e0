package io.tagbase.security;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The keys page: issue an API key or write key (its secret shown once), revoke one. */
@Controller
class KeyConsoleController {
  private final ApiKeyService keys;
  private final Clock clock;
  private final ZoneId zone;
  private final RoleService roles;

  KeyConsoleController(
      ApiKeyService keys,
      RoleService roles,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.roles = roles;
    this.keys = keys;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  @GetMapping("/keys")
  String page(Model model) {
    model.addAttribute("keys", keys.keys());
    model.addAttribute("now", clock.instant());
    model.addAttribute("roles", roles.roles());
    return "security/keys";
  }

  @PostMapping("/keys")
  String issue(
      @RequestParam String name,
      @RequestParam(defaultValue = "API") String kind,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) LocalDate expires,
      Principal principal,
      Model model) {
    CreatedApiKey created =
        keys.issue(
            name,
            kind,
            role,
            expires == null ? null : expires.plusDays(1).atStartOfDay(zone).toInstant(),
            principal.getName());
    model.addAttribute("created", created);
    return page(model);
  }

  @PostMapping("/keys/{id}/revoke")
  String revoke(@PathVariable long id, Principal principal) {
    keys.revoke(id, principal.getName());
    return "redirect:/keys";
  }
}
