package io.tagbase.automation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications", description = "In-console notifications written by automations")
class NotificationController {
  private final NotificationService notifications;

  NotificationController(NotificationService notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/api/v1/notifications")
  @Operation(summary = "Your notifications and those to everyone, newest first")
  List<Notification> list(Principal principal) {
    return notifications.of(principal.getName(), 100);
  }

  @PostMapping("/api/v1/notifications/read")
  @Operation(summary = "Mark your notifications read")
  Map<String, Integer> read(Principal principal) {
    notifications.markRead(principal.getName());
    return Map.of("unread", notifications.unread(principal.getName()));
  }
}
