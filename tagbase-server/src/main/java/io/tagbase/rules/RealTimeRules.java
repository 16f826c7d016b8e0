package io.tagbase.rules;

import io.tagbase.customer.EventsRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Real-time rule tags: once recorded events are committed, the rules that read those event types
 * are re-evaluated for those customers only. A failure is logged and left to the daily run; the
 * events themselves are already stored.
 */
@Component
class RealTimeRules {
  private static final Logger log = LoggerFactory.getLogger(RealTimeRules.class);
  private final RuleService rules;

  RealTimeRules(RuleService rules) {
    this.rules = rules;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(EventsRecorded recorded) {
    try {
      rules.eventsCommitted(recorded.customerIds(), recorded.eventTypes());
    } catch (RuntimeException e) {
      log.warn("Real-time rule re-evaluation failed; the daily run will catch up", e);
    }
  }
}
