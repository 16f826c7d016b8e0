package io.tagbase.privacy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page: search by who, what and day. Nothing on it can be changed. */
@Controller
class AuditConsoleController {
  private final AuditLog audit;
  private final ZoneId zone;

  AuditConsoleController(AuditLog audit, @Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.audit = audit;
    this.zone = ZoneId.of(zone);
  }

  @GetMapping("/audit")
  String page(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) LocalDate day,
      Model model) {
    model.addAttribute("actor", actor);
    model.addAttribute("action", action);
    model.addAttribute("day", day);
    model.addAttribute(
        "entries",
        audit.search(
            AuditController.blank(actor),
            AuditController.blank(action),
            day == null ? null : day.atStartOfDay(zone).toInstant(),
            day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant(),
            200));
    return "privacy/audit";
  }
}
