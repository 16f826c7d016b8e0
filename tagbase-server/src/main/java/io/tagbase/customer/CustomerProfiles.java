package io.tagbase.customer;

import io.tagbase.web.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiles as data arrives: finds the customer by external id or any identifier, creates one when
 * there is none, merges profiles that turn out to be the same person (a shared identifier, or an
 * alias), and applies built-in fields and custom attributes checked against the schema. Merges keep
 * identities, attributes (the kept profile's win), events and tags of both, and are recorded in the
 * profile history. Thread-safe; each call is one transaction.
 */
@Service
public class CustomerProfiles {
  private final JdbcCustomerRepository customers;
  private final JdbcIdentityRepository identities;
  private final JdbcAttributeRepository attributes;
  private final AttributeSchema schema;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final CustomerService service;
  private final io.tagbase.privacy.PersonalDataMasking pii;

  CustomerProfiles(
      CustomerService service,
      io.tagbase.privacy.PersonalDataMasking pii,
      JdbcCustomerRepository customers,
      JdbcIdentityRepository identities,
      JdbcAttributeRepository attributes,
      AttributeSchema schema,
      ApplicationEventPublisher events,
      Clock clock) {
    this.service = service;
    this.pii = pii;
    this.customers = customers;
    this.identities = identities;
    this.attributes = attributes;
    this.schema = schema;
    this.events = events;
    this.clock = clock;
  }

  /** What an upsert did. */
  public record Upserted(Customer customer, boolean created, int merged) {}

  /**
   * Creates or updates a profile. 400 naming the field for an unusable identifier or attribute, or
   * when neither an external id nor an identifier is given.
   */
  @Transactional
  public Upserted upsert(NewCustomer data, String actor) {
    return upsert(data, actor, true);
  }

  /**
   * As {@link #upsert(NewCustomer, String)}; {@code enforceRequired} false skips the check that a
   * new profile has every required custom field (tracking SDKs cannot be refused for that).
   */
  @Transactional
  public Upserted upsert(NewCustomer data, String actor, boolean enforceRequired) {
    List<Identity> ids = identitiesOf(data);
    Map<AttributeDefinition, AttributeValue> values =
        schema.check(data.attributes() == null ? Map.of() : data.attributes(), "attributes");
    Resolved resolved = resolve(data.externalId(), ids, actor);
    if (resolved.created() && enforceRequired) {
      schema.requireAll(values.keySet());
    }
    customers.update(resolved.customer().id(), data, clock.instant());
    values.forEach((def, value) -> attributes.put(resolved.customer().id(), def.id(), value));
    events.publishEvent(CustomerAttributesChanged.of(resolved.customer().id()));
    Customer customer = customers.findById(resolved.customer().id()).orElseThrow();
    return new Upserted(customer, resolved.created(), resolved.merged());
  }

  /** Upserts many in one transaction: one invalid customer refuses all, naming customers[i]. */
  @Transactional
  CustomerController.BatchResult upsertAll(List<NewCustomer> batch, String actor) {
    int created = 0;
    int merged = 0;
    for (int i = 0; i < batch.size(); i++) {
      try {
        Upserted result = upsert(batch.get(i), actor);
        created += result.created() ? 1 : 0;
        merged += result.merged();
      } catch (InvalidInputException e) {
        throw new InvalidInputException(
            "customers[" + i + "]." + e.field(), "customers[" + i + "]: " + e.getMessage());
      }
    }
    return new CustomerController.BatchResult(created, batch.size() - created, merged);
  }

  /**
   * The profile these identifiers belong to, created (with only its identities) when there is none;
   * profiles found under different identifiers are merged into one.
   */
  @Transactional
  public Customer resolve(List<Identity> ids, String actor) {
    return resolve(null, ids, actor).customer();
  }

  /**
   * The profile with this external id and these identifiers, created when new, merged where they
   * point at different profiles; built-in fields and attributes of {@code data} are ignored.
   */
  @Transactional
  public Customer upsertIdentities(NewCustomer data, List<Identity> ids, String actor) {
    return resolve(data.externalId(), ids, actor).customer();
  }

  /**
   * Records that {@code previousId} (an earlier user id or anonymous id) and {@code current} are
   * one person: their profiles merge into the one holding {@code current}. A previous id nobody
   * holds yet is kept as an anonymous id of the profile.
   */
  @Transactional
  public Customer alias(String previousId, Identity current, String actor) {
    Identity asUser = Identity.of(IdentityKind.USER_ID, previousId);
    Identity asAnonymous = Identity.of(IdentityKind.ANONYMOUS_ID, previousId);
    List<Identity> ids = new ArrayList<>(List.of(current));
    if (identities.owner(asUser).isPresent() || customers.idOf(previousId).isPresent()) {
      Long previous =
          identities.owner(asUser).orElseGet(() -> customers.idOf(previousId).orElseThrow());
      Customer kept = resolve(null, ids, actor).customer();
      if (previous != kept.id()) {
        merge(kept.id(), previous, actor);
      }
      return customers.findById(kept.id()).orElseThrow();
    }
    ids.add(asAnonymous);
    return resolve(null, ids, actor).customer();
  }

  private record Resolved(Customer customer, boolean created, int merged) {}

  private Resolved resolve(String externalId, List<Identity> ids, String actor) {
    if ((externalId == null || externalId.isBlank()) && ids.isEmpty()) {
      throw new InvalidInputException(
          "externalId", "Give an externalId or at least one identifier (userId, phone, email...).");
    }
    // Without an external id, the one a profile made from these identifiers gets (the user id, or
    // "anon-" and the anonymous id) names the same customer: a profile created by that external id
    // alone (customer API, an event's customerId) is joined, not created twice.
    String key = externalId != null && !externalId.isBlank() ? externalId : naturalExternalId(ids);
    Set<Long> found = new LinkedHashSet<>();
    if (key != null) {
      customers.idOf(key).ifPresent(found::add);
    }
    for (Identity id : ids) {
      identities.owner(id).ifPresent(found::add);
    }
    if (found.isEmpty()) {
      Customer created = create(externalId, ids, actor);
      return new Resolved(created, true, 0);
    }
    long keptId = keeper(key, ids, found);
    int merged = 0;
    for (long other : found) {
      if (other != keptId) {
        merge(keptId, other, actor);
        merged++;
      }
    }
    for (Identity id : ids) {
      if (identities.owner(id).isEmpty()) {
        identities.insert(keptId, id, clock.instant());
        identities.appendHistory(
            keptId, "IDENTITY_ADDED", id.kind() + " " + id.value(), actor, clock.instant());
      }
    }
    return new Resolved(customers.findById(keptId).orElseThrow(), false, merged);
  }

  /**
   * Which of several matching profiles survives a merge: the one with the given external id, else
   * the one holding the user id, else the oldest.
   */
  private long keeper(String externalId, List<Identity> ids, Set<Long> found) {
    if (externalId != null) {
      Optional<Long> byExternalId = customers.idOf(externalId);
      if (byExternalId.isPresent()) {
        return byExternalId.get();
      }
    }
    for (Identity id : ids) {
      if (id.kind() == IdentityKind.USER_ID) {
        Optional<Long> owner = identities.owner(id);
        if (owner.isPresent()) {
          return owner.get();
        }
      }
    }
    return found.stream().min(Long::compare).orElseThrow();
  }

  private Customer create(String externalId, List<Identity> ids, String actor) {
    String key = externalId != null && !externalId.isBlank() ? externalId : derivedExternalId(ids);
    Customer created = customers.insert(NewCustomer.withId(key, null), clock.instant());
    for (Identity id : ids) {
      identities.insert(created.id(), id, clock.instant());
    }
    identities.appendHistory(created.id(), "CREATED", "external id " + key, actor, clock.instant());
    events.publishEvent(new CustomerCreated(created.id(), created.externalId()));
    return created;
  }

  /** The user id when there is one, else "anon-" and the anonymous id, else a random id. */
  private static String derivedExternalId(List<Identity> ids) {
    String natural = naturalExternalId(ids);
    return natural != null ? natural : "c-" + UUID.randomUUID();
  }

  /** The user id when there is one, else "anon-" and the anonymous id, else null. */
  private static String naturalExternalId(List<Identity> ids) {
    for (IdentityKind kind : List.of(IdentityKind.USER_ID, IdentityKind.ANONYMOUS_ID)) {
      for (Identity id : ids) {
        if (id.kind() == kind && id.value().matches("[^\\s/]{1,190}")) {
          return kind == IdentityKind.USER_ID ? id.value() : "anon-" + id.value();
        }
      }
    }
    return null;
  }

  private void merge(long keptId, long mergedId, String actor) {
    Customer kept = customers.findById(keptId).orElseThrow();
    Customer merged = customers.findById(mergedId).orElseThrow();
    customers.fillFrom(keptId, mergedId, clock.instant());
    attributes.merge(keptId, mergedId);
    events.publishEvent(CustomerAttributesChanged.of(keptId));
    identities.moveAll(keptId, mergedId);
    events.publishEvent(
        new CustomersMerged(keptId, kept.externalId(), mergedId, merged.externalId()));
    identities.deleteCustomer(mergedId);
    identities.appendHistory(
        keptId,
        "MERGED",
        "merged profile " + merged.externalId() + " into this one",
        actor,
        clock.instant());
    events.publishEvent(new CustomerErased(mergedId, merged.externalId()));
  }

  private List<Identity> identitiesOf(NewCustomer data) {
    List<Identity> ids = new ArrayList<>();
    if (data.identities() != null) {
      for (var entry : data.identities().entrySet()) {
        IdentityKind kind;
        try {
          kind = IdentityKind.parse(entry.getKey());
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(
              "identities." + entry.getKey(),
              "Unknown identifier kind '"
                  + entry.getKey()
                  + "'; use userId, anonymousId, phone,"
                  + " email, wecom or crmId.");
        }
        ids.add(identity(kind, entry.getValue(), "identities." + entry.getKey()));
      }
    }
    if (data.phone() != null && !data.phone().isBlank()) {
      ids.add(identity(IdentityKind.PHONE, data.phone(), "phone"));
    }
    if (data.email() != null && !data.email().isBlank()) {
      ids.add(identity(IdentityKind.EMAIL, data.email(), "email"));
    }
    return ids.stream().distinct().toList();
  }

  private static Identity identity(IdentityKind kind, String raw, String field) {
    try {
      return Identity.of(kind, raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, field + " " + e.getMessage() + ".");
    }
  }

  /** The profile holding this identifier; a user id also matches an external id. */
  @Transactional(readOnly = true)
  public Optional<Customer> lookup(Identity identity) {
    Optional<Long> owner = identities.owner(identity);
    if (owner.isEmpty() && identity.kind() == IdentityKind.USER_ID) {
      owner = customers.idOf(identity.value());
    }
    return owner.flatMap(customers::findById);
  }

  /** Everything known about a profile: identities, custom fields, history. 404 when unknown. */
  @Transactional(readOnly = true)
  public Profile profile(String externalId) {
    Customer c = service.get(externalId);
    // Custom fields flagged PII, and identity values in the history, as the caller may see them.
    java.util.Map<String, String> values =
        new java.util.LinkedHashMap<>(attributes.valuesOf(c.id()));
    if (!pii.visible()) {
      for (AttributeDefinition field : schema.fields()) {
        if (field.pii()) {
          values.computeIfPresent(field.code(), (code, v) -> pii.show(code, v));
        }
      }
    }
    List<ProfileChange> history =
        identities.history(c.id(), 50).stream()
            .map(
                h -> {
                  if (pii.visible() || !"IDENTITY_ADDED".equals(h.kind()) || h.detail() == null) {
                    return h;
                  }
                  int space = h.detail().indexOf(' ');
                  String kind = space < 0 ? "" : h.detail().substring(0, space);
                  String masked = kind + " " + pii.show(kind, h.detail().substring(space + 1));
                  return new ProfileChange(h.kind(), masked, h.actor(), h.at());
                })
            .toList();
    return new Profile(c, identities.of(c.id()), values, history);
  }
}
