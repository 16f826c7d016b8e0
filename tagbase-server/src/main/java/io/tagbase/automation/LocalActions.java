package io.tagbase.automation;

import io.tagbase.tagging.AssignOptions;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.TaggingService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Applies the actions that live in Tagbase's own database, in the caller's transaction (the one
 * that marks the outbox row done): follow-up task, tag, coupon, notification. Each row written
 * carries the action's idempotency key under a unique constraint, so it exists at most once.
 */
@Component
class LocalActions {
  private final JdbcTaskRepository tasks;
  private final JdbcCouponRepository coupons;
  private final JdbcNotificationRepository notifications;
  private final TaggingService tagging;
  private final Clock clock;
  private final ZoneId zone;

  LocalActions(
      JdbcTaskRepository tasks,
      JdbcCouponRepository coupons,
      JdbcNotificationRepository notifications,
      TaggingService tagging,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.tasks = tasks;
    this.coupons = coupons;
    this.notifications = notifications;
    this.tagging = tagging;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  /** Applies the action; returns what was done, for the run log. */
  String apply(Automation a, AutomationAction action, OutboxRow row) {
    Instant now = clock.instant();
    switch (action.kind()) {
      case TASK -> {
        String assignee = assignee(action, row.customerId());
        LocalDate due =
            LocalDate.ofInstant(now, zone)
                .plusDays(action.dueDays() == null ? 1 : action.dueDays());
        tasks.insert(
            row.idemKey(),
            a.id(),
            row.customerId(),
            assignee,
            action.title(),
            action.note(),
            due,
            now);
        return "task for " + assignee + ", due " + due;
      }
      case TAG_ADD -> {
        tagging.assign(
            row.customer(),
            action.tag(),
            AssignOptions.value(blankToNull(action.value())),
            AssignmentSource.SYSTEM,
            "automation:" + a.code());
        return "tag " + action.tag() + " given";
      }
      case TAG_REMOVE -> {
        boolean had =
            tagging.unassign(
                row.customer(),
                action.tag(),
                AssignmentSource.SYSTEM,
                "automation:" + a.code(),
                null);
        return had ? "tag " + action.tag() + " taken" : "customer did not hold " + action.tag();
      }
      case COUPON -> {
        CouponBatch batch =
            coupons
                .batch(action.batch())
                .orElseThrow(
                    () -> DeliveryFailure.permanent("coupon batch " + action.batch() + " is gone"));
        String code =
            coupons
                .issue(batch.id(), row.customerId(), row.idemKey(), now)
                .orElseThrow(
                    () ->
                        DeliveryFailure.retry(
                            "coupon batch " + action.batch() + " has no codes left"));
        return "coupon " + code + " issued";
      }
      case NOTIFY -> {
        String to = recipient(action, row.customerId());
        String text =
            (action.message() == null ? "" : action.message())
                .replace("{customer}", row.customer());
        notifications.insert(row.idemKey(), a.id(), row.customerId(), to, text, now);
        return "notified " + (to == null ? "everyone" : to);
      }
      default -> throw new IllegalArgumentException("Not a local action: " + action.kind());
    }
  }

  private String assignee(AutomationAction action, long customerId) {
    boolean teamFirst = "TEAM".equalsIgnoreCase(action.assignTo());
    if (!teamFirst) {
      String owner = tasks.owner(customerId).orElse(null);
      if (owner != null && !owner.isBlank()) {
        return owner;
      }
    }
    if (action.team() != null && !action.team().isBlank()) {
      return tasks
          .nextMember(action.team())
          .orElseThrow(
              () -> DeliveryFailure.permanent("sales team " + action.team() + " has no members"));
    }
    throw DeliveryFailure.permanent("the customer has no owner and the task names no team");
  }

  private String recipient(AutomationAction action, long customerId) {
    String r = blankToNull(action.recipient());
    if ("owner".equalsIgnoreCase(r)) {
      return tasks.owner(customerId).filter(o -> !o.isBlank()).orElse(null);
    }
    return r;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
