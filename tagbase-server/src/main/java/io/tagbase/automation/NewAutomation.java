package io.tagbase.automation;

import java.util.List;

/**
 * An automation as written by a person: {@code condition} a rule on the customer checked at the
 * time of the action; {@code purpose} a consent purpose (customers who refused it are skipped); at
 * most {@code capCount} runs per customer in {@code capDays} days; no runs between {@code
 * quietStart} and {@code quietEnd} (HH:mm, in the server's zone; postponed, not dropped).
 */
public record NewAutomation(
    String code,
    String name,
    Boolean enabled,
    AutomationTrigger trigger,
    String condition,
    String purpose,
    Integer capCount,
    Integer capDays,
    String quietStart,
    String quietEnd,
    List<AutomationAction> actions) {}
