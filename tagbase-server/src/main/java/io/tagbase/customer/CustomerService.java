package io.tagbase.customer;

import io.tagbase.web.ConflictException;
import io.tagbase.web.NotFoundException;
import io.tagbase.web.PageResult;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer feature's API: create, find and list customers and read their events. Thread-safe;
 * every method is one short database transaction.
 */
@Service
public class CustomerService {
  private final JdbcCustomerRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final io.tagbase.privacy.CallerAccess caller;
  private final io.tagbase.privacy.AuditLog audit;

  CustomerService(
      JdbcCustomerRepository repository,
      ApplicationEventPublisher events,
      Clock clock,
      io.tagbase.privacy.CallerAccess caller,
      io.tagbase.privacy.AuditLog audit) {
    this.caller = caller;
    this.audit = audit;
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  /** Creates a customer; 409 when the external id is taken. */
  @Transactional
  public Customer create(NewCustomer customer) {
    if (customer.externalId() == null || customer.externalId().isBlank()) {
      throw new io.tagbase.web.InvalidInputException("externalId", "externalId is required.");
    }
    if (repository.idOf(customer.externalId()).isPresent()) {
      throw new ConflictException(
          "externalId", "A customer with external id '" + customer.externalId() + "' exists.");
    }
    Customer created = repository.insert(customer, clock.instant());
    events.publishEvent(new CustomerCreated(created.id(), created.externalId()));
    events.publishEvent(CustomerAttributesChanged.of(created.id()));
    return created;
  }

  /**
   * Creates many customers at once (demo data, bulk loads). The caller makes sure the ids are new;
   * one {@link CustomerCreated} is published per customer after the batch is written, and one
   * {@link CustomerAttributesChanged} for the batch.
   */
  @Transactional
  public void createAll(List<NewCustomer> customers) {
    repository.insertAll(customers, clock.instant());
    for (NewCustomer c : customers) {
      events.publishEvent(new CustomerCreated(0, c.externalId()));
    }
    List<String> externalIds = customers.stream().map(NewCustomer::externalId).toList();
    events.publishEvent(
        new CustomerAttributesChanged(java.util.Set.copyOf(idsOf(externalIds).values())));
  }

  @Transactional(readOnly = true)
  public Optional<Customer> find(String externalId) {
    return repository.findByExternalId(externalId);
  }

  /**
   * The customer with this external id; 404 when there is none, or when it is outside the caller's
   * data scope (a sales rep asking for another rep's customer).
   */
  @Transactional(readOnly = true)
  public Customer get(String externalId) {
    return find(externalId)
        .filter(c -> inScope(externalId))
        .orElseThrow(
            () -> new NotFoundException("No customer with external id '" + externalId + "'."));
  }

  /** Whether the caller's data scope includes this customer (true for unknown ids). */
  @Transactional(readOnly = true)
  public boolean inScope(String externalId) {
    if (caller.ownerScope().isEmpty()) {
      return true;
    }
    List<String> owner = repository.ownerOf(externalId);
    return owner.isEmpty() || caller.inScope(owner.get(0));
  }

  /** External ids of the customers {@code owner} owns, in creation order; one indexed read. */
  @Transactional(readOnly = true)
  public List<String> ownedBy(String owner) {
    return repository.externalIdsOwnedBy(owner);
  }

  /** The customer's owner (a user name), or null when nobody owns it. 404 when out of scope. */
  @Transactional(readOnly = true)
  public String owner(String externalId) {
    get(externalId);
    return repository.ownerOf(externalId).get(0);
  }

  /**
   * Makes {@code owner} (a user name, or null for nobody) the customer's owner. Only callers who
   * see all customers may do this; 400 for an unknown user, 404 for an unknown customer.
   */
  @Transactional
  public void assignOwner(String externalId, String owner, String actor) {
    if (caller.ownerScope().isPresent()) {
      throw new io.tagbase.web.InvalidInputException(
          "owner", "Only a role that sees all customers can assign their owners.");
    }
    get(externalId);
    String o = owner == null || owner.isBlank() ? null : owner.trim();
    if (o != null && !repository.userExists(o)) {
      throw new io.tagbase.web.InvalidInputException(
          "owner", "owner must be the user name of an existing user; '" + o + "' is none.");
    }
    repository.setOwner(externalId, o, clock.instant());
    audit.record(actor, "OWNER_CHANGED", "customer", externalId, o == null ? "no owner" : o);
  }

  /** Customers in the order given by {@code externalIds}; unknown ids are left out. */
  @Transactional(readOnly = true)
  public List<Customer> getAll(List<String> externalIds) {
    var byId =
        repository.findByExternalIds(externalIds).stream()
            .collect(java.util.stream.Collectors.toMap(Customer::externalId, c -> c));
    return externalIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /** Database ids by external id; unknown ids are left out. Cost: one read per 500 ids. */
  @Transactional(readOnly = true)
  public java.util.Map<String, Long> idsOf(List<String> externalIds) {
    java.util.Map<String, Long> ids = new java.util.HashMap<>();
    for (int from = 0; from < externalIds.size(); from += 500) {
      List<String> chunk = externalIds.subList(from, Math.min(externalIds.size(), from + 500));
      ids.putAll(repository.idsByExternalId(chunk));
    }
    return ids;
  }

  /**
   * A page (0-based) of customers whose id, name or city contains {@code query}; all when blank.
   */
  @Transactional(readOnly = true)
  public PageResult<Customer> search(String query, int page, int size) {
    String q = query == null || query.isBlank() ? null : query.trim();
    String owner = caller.ownerScope().orElse(null);
    return new PageResult<>(
        repository.search(q, owner, page * size, size), repository.count(q, owner), page, size);
  }

  /** How many customers the caller sees: all, or those they own. */
  @Transactional(readOnly = true)
  public long count() {
    return repository.count(null, caller.ownerScope().orElse(null));
  }

  /** Streams every customer's external id in creation order; used to rebuild indexes. */
  @Transactional(readOnly = true)
  public void forEachExternalId(Consumer<String> action) {
    repository.forEachExternalId(action);
  }

  /**
   * Records events in one transaction; those whose message id is stored already are skipped. The
   * {@link EventsRecorded} published for the stored ones carries their database ids.
   *
   * @return how many were new
   */
  @Transactional
  public int recordEvents(Collection<NewEvent> batch) {
    StoredEvents stored = repository.insertEvents(List.copyOf(batch), clock.instant());
    if (!stored.isEmpty()) {
      events.publishEvent(EventsRecorded.of(stored.events(), stored.ids()));
    }
    return stored.events().size();
  }

  @Transactional(readOnly = true)
  public List<CustomerEvent> recentEvents(String externalId, int limit) {
    return repository.recentEvents(get(externalId).id(), limit);
  }
}
