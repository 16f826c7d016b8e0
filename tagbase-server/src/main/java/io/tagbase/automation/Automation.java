package io.tagbase.automation;

import java.time.Instant;
import java.util.List;

/** A stored automation; see {@link NewAutomation} for the meaning of the fields. */
public record Automation(
    long id,
    String code,
    String name,
    boolean enabled,
    AutomationTrigger trigger,
    String condition,
    String purpose,
    Integer capCount,
    Integer capDays,
    String quietStart,
    String quietEnd,
    List<AutomationAction> actions,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  NewAutomation toNew() {
    return new NewAutomation(
        code,
        name,
        enabled,
        trigger,
        condition,
        purpose,
        capCount,
        capDays,
        quietStart,
        quietEnd,
        actions);
  }
}
