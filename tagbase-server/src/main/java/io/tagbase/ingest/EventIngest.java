package io.tagbase.ingest;

import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerProfiles;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewCustomer;
import io.tagbase.customer.NewEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores events durably: resolves each event's customer (creating the profile when it is new,
 * merging profiles its identifiers join), skips repeats by message id, and writes the batch in one
 * transaction, so an acknowledged batch is on disk whole and a failed one left nothing. Customers
 * are resolved once per batch per distinct set of identifiers.
 */
@Service
public class EventIngest {
  private final CustomerProfiles profiles;
  private final CustomerService customers;

  EventIngest(CustomerProfiles profiles, CustomerService customers) {
    this.profiles = profiles;
    this.customers = customers;
  }

  @Transactional
  public IngestResult ingest(List<IncomingEvent> events, String actor) {
    // Events naming only an external id are resolved in one read per 500 ids, the common case;
    // the others once per batch per distinct set of identifiers.
    Map<String, Long> plain =
        customers.idsOf(
            events.stream()
                .filter(EventIngest::plain)
                .map(IncomingEvent::externalId)
                .distinct()
                .toList());
    Map<String, Long> resolved = new HashMap<>();
    List<NewEvent> rows = new ArrayList<>(events.size());
    for (IncomingEvent e : events) {
      Long customerId = plain(e) ? plain.get(e.externalId()) : null;
      if (customerId == null) {
        customerId =
            resolved.computeIfAbsent(
                e.externalId() + "|" + e.identities(), k -> resolve(e, actor).id());
      }
      rows.add(
          new NewEvent(
              customerId,
              e.type(),
              e.occurredAt(),
              e.orderId(),
              e.amount(),
              e.properties(),
              e.messageId(),
              e.source()));
    }
    int accepted = customers.recordEvents(rows);
    return new IngestResult(accepted, events.size() - accepted);
  }

  private static boolean plain(IncomingEvent e) {
    return e.externalId() != null && e.identities().isEmpty();
  }

  private Customer resolve(IncomingEvent e, String actor) {
    if (e.externalId() != null && e.identities().isEmpty()) {
      var existing = customers.find(e.externalId());
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    NewCustomer data =
        new NewCustomer(e.externalId(), null, null, null, null, null, null, null, null, null, null);
    return e.externalId() == null
        ? profiles.resolve(e.identities(), actor)
        : profiles.upsertIdentities(data, e.identities(), actor);
  }
}
