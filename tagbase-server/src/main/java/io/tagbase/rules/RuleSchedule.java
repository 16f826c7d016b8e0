package io.tagbase.rules;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Re-evaluates time-relative rules once a day, after midnight UTC, as windows slide. */
@Component
class RuleSchedule {
  private final RuleService rules;

  RuleSchedule(RuleService rules) {
    this.rules = rules;
  }

  @Scheduled(cron = "${tagbase.rules.daily-cron:0 5 0 * * *}", zone = "UTC")
  void daily() {
    rules.evaluateTimeRelative();
  }
}
