package io.tagbase.automation;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The user's in-console notifications. */
@Controller
class NotificationConsoleController {
  private final NotificationService notifications;

  NotificationConsoleController(NotificationService notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/notifications")
  String list(Model model, Principal principal) {
    model.addAttribute("notifications", notifications.of(principal.getName(), 200));
    model.addAttribute("unread", notifications.unread(principal.getName()));
    return "notification/list";
  }

  @PostMapping("/notifications/read")
  String read(Principal principal) {
    notifications.markRead(principal.getName());
    return "redirect:/notifications";
  }
}
