package io.tagbase.customer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Published when events are recorded, inside the writing transaction; listen after commit to react
 * to what customers did (real-time rule re-evaluation), or inside it to write an outbox
 * (automations); {@code typesByCustomer} says which customer did what, {@code events} are the
 * events stored (repeats of a stored message id left out), in the order given.
 */
public record EventsRecorded(
    Set<Long> customerIds,
    Set<String> eventTypes,
    Map<Long, Set<String>> typesByCustomer,
    List<NewEvent> events) {

  /** The notice for events just stored. */
  public static EventsRecorded of(List<NewEvent> stored) {
    Set<Long> customers = new java.util.HashSet<>(2 * stored.size());
    Set<String> types = new java.util.HashSet<>();
    Map<Long, Set<String>> byCustomer = new java.util.HashMap<>(2 * stored.size());
    for (NewEvent e : stored) {
      customers.add(e.customerId());
      types.add(e.type());
      byCustomer.computeIfAbsent(e.customerId(), c -> new java.util.HashSet<>(4)).add(e.type());
    }
    return new EventsRecorded(customers, types, byCustomer, List.copyOf(stored));
  }
}
