package io.tagbase.automation;

import java.util.Map;

/** An automation with its action rows by status (PENDING, DONE, SKIPPED, DEAD). */
public record AutomationSummary(Automation automation, Map<String, Long> counts) {

  public long count(String status) {
    return counts.getOrDefault(status, 0L);
  }
}
