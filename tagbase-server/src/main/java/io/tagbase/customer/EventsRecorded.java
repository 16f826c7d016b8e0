package io.tagbase.customer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Published when events are recorded, inside the writing transaction; listen after commit to react
 * to what customers did (real-time rule re-evaluation), or inside it to write an outbox
 * (automations); {@code typesByCustomer} says which customer did what, {@code events} are the
 * events stored (repeats of a stored message id left out), in the order given.
 *
 * <p>{@code eventIds} are the stored events' database ids ({@code customer_event.id}), in the same
 * order as {@code events}: {@code eventIds[i]} is the id of {@code events.get(i)}. A listener that
 * also reads the event log by id (a backfill) can tell by them which events it has counted already.
 * The array is shared by every listener: read it, never write to it.
 */
public record EventsRecorded(
    Set<Long> customerIds,
    Set<String> eventTypes,
    Map<Long, Set<String>> typesByCustomer,
    List<NewEvent> events,
    long[] eventIds) {

  /**
   * The notice for events just stored, {@code ids[i]} being the database id of {@code
   * stored.get(i)}; the array is kept, not copied.
   */
  public static EventsRecorded of(List<NewEvent> stored, long[] ids) {
    if (ids.length != stored.size()) {
      throw new IllegalArgumentException(
          ids.length + " ids for " + stored.size() + " events: one id per stored event");
    }
    Set<Long> customers = new HashSet<>(2 * stored.size());
    Set<String> types = new HashSet<>();
    Map<Long, Set<String>> byCustomer = new HashMap<>(2 * stored.size());
    for (NewEvent e : stored) {
      customers.add(e.customerId());
      types.add(e.type());
      byCustomer.computeIfAbsent(e.customerId(), c -> new HashSet<>(4)).add(e.type());
    }
    return new EventsRecorded(customers, types, byCustomer, List.copyOf(stored), ids);
  }
}
