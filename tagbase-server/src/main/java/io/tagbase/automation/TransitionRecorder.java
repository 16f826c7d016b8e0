package io.tagbase.automation;

import io.tagbase.customer.CustomerService;
import io.tagbase.customer.EventsRecorded;
import io.tagbase.segment.SegmentMembershipChanged;
import io.tagbase.tagging.TagMembershipChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns membership changes and events into outbox GATE rows, inside the transaction that made the
 * change (the events are published synchronously in it): the change and its automations commit
 * together or not at all. A transition recorded twice (the same write, refresh or schedule run)
 * adds nothing, because its idempotency key is taken. Cost: one read of the matching automations
 * per change, one insert per matching automation and customer.
 */
@Component
class TransitionRecorder {
  private final JdbcAutomationRepository automations;
  private final JdbcOutboxRepository outbox;
  private final CustomerService customers;
  private final Clock clock;

  TransitionRecorder(
      JdbcAutomationRepository automations,
      JdbcOutboxRepository outbox,
      CustomerService customers,
      Clock clock) {
    this.automations = automations;
    this.outbox = outbox;
    this.customers = customers;
    this.clock = clock;
  }

  @EventListener
  void on(TagMembershipChanged change) {
    List<Automation> matching =
        automations.enabled(
            List.of(TriggerKind.TAG_ENTER, TriggerKind.TAG_LEAVE), change.tagCode());
    if (matching.isEmpty()) {
      return;
    }
    for (TagMembershipChanged.Transition t : change.transitions()) {
      TriggerKind kind = t.entered() ? TriggerKind.TAG_ENTER : TriggerKind.TAG_LEAVE;
      String key = "tag:" + change.writeId() + ":" + (t.entered() ? "in" : "out") + ":" + t.value();
      Map<String, Object> transition = new LinkedHashMap<>();
      transition.put("type", kind.name());
      transition.put("tag", change.tagCode());
      transition.put("value", t.value());
      transition.put("source", change.source().name());
      transition.put("actor", shorten(change.actor()));
      transition.put("reason", shorten(change.reason()));
      transition.put("at", change.at().toString());
      for (Automation a : matching) {
        String wanted = a.trigger().value();
        if (a.trigger().kind() == kind && (wanted == null || wanted.equals(t.value()))) {
          record(a, t.customerId(), key, transition);
        }
      }
    }
  }

  @EventListener
  void on(SegmentMembershipChanged change) {
    List<Automation> matching =
        automations.enabled(
            List.of(TriggerKind.SEGMENT_ENTER, TriggerKind.SEGMENT_LEAVE), change.segmentCode());
    if (matching.isEmpty()) {
      return;
    }
    segment(matching, change, TriggerKind.SEGMENT_ENTER, change.entered());
    segment(matching, change, TriggerKind.SEGMENT_LEAVE, change.left());
  }

  @EventListener
  void on(EventsRecorded recorded) {
    if (recorded.typesByCustomer() == null) {
      return;
    }
    List<Automation> matching = automations.enabled(List.of(TriggerKind.EVENT), null);
    String batch = UUID.randomUUID().toString();
    for (Automation a : matching) {
      for (Map.Entry<Long, Set<String>> e : recorded.typesByCustomer().entrySet()) {
        if (e.getValue().contains(a.trigger().target())) {
          Map<String, Object> transition = new LinkedHashMap<>();
          transition.put("type", TriggerKind.EVENT.name());
          transition.put("event", a.trigger().target());
          transition.put("at", clock.instant().toString());
          record(a, e.getKey(), "event:" + batch, transition);
        }
      }
    }
  }

  /** Records a scheduled run over a segment's members; one key per automation and day. */
  int schedule(Automation a, List<String> members, java.time.LocalDate day) {
    Map<String, Object> transition = new LinkedHashMap<>();
    transition.put("type", TriggerKind.SCHEDULE.name());
    transition.put("segment", a.trigger().target());
    transition.put("day", day.toString());
    int added = 0;
    for (Long id : customers.idsOf(members).values()) {
      added += record(a, id, "schedule:" + day, transition) ? 1 : 0;
    }
    return added;
  }

  private void segment(
      List<Automation> matching,
      SegmentMembershipChanged change,
      TriggerKind kind,
      List<String> who) {
    List<Automation> these = matching.stream().filter(a -> a.trigger().kind() == kind).toList();
    if (these.isEmpty() || who.isEmpty()) {
      return;
    }
    Map<String, Object> transition = new LinkedHashMap<>();
    transition.put("type", kind.name());
    transition.put("segment", change.segmentCode());
    transition.put("at", change.at().toString());
    String key =
        "segment:"
            + change.at().toEpochMilli()
            + (kind == TriggerKind.SEGMENT_ENTER ? ":in" : ":out");
    for (Long id : customers.idsOf(who).values()) {
      for (Automation a : these) {
        record(a, id, key, transition);
      }
    }
  }

  private boolean record(
      Automation a, long customerId, String transitionKey, Map<String, Object> transition) {
    Instant now = clock.instant();
    boolean added =
        outbox.insert(
            gateKey(a.id(), customerId, transitionKey),
            a.id(),
            customerId,
            transitionKey,
            JdbcAutomationRepository.JSON.writeValueAsString(transition),
            null,
            OutboxRow.GATE,
            now,
            now);
    if (added) {
      outbox.log(
          a.id(), null, customerId, transitionKey, null, "TRIGGERED", describe(transition), now);
    }
    return added;
  }

  static String gateKey(long automationId, long customerId, String transitionKey) {
    return "g:" + automationId + ":" + customerId + ":" + transitionKey;
  }

  private static String describe(Map<String, Object> t) {
    Object what = t.getOrDefault("tag", t.getOrDefault("segment", t.get("event")));
    Object value = t.get("value");
    return t.get("type") + " " + what + (value == null ? "" : "=" + value);
  }

  private static String shorten(String s) {
    return s == null || s.length() <= 80 ? s : s.substring(0, 80);
  }
}
