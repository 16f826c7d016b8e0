package io.tagbase.customer;

import java.util.List;

/**
 * The events a write inserted, in the order given, and their database ids ({@code
 * customer_event.id}): {@code ids[i]} is the id of {@code events.get(i)}.
 */
record StoredEvents(List<NewEvent> events, long[] ids) {
  static final StoredEvents NONE = new StoredEvents(List.of(), new long[0]);

  StoredEvents {
    if (ids.length != events.size()) {
      throw new IllegalArgumentException(ids.length + " ids for " + events.size() + " events");
    }
  }

  boolean isEmpty() {
    return events.isEmpty();
  }
}
