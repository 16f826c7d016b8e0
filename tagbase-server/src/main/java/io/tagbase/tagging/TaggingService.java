package io.tagbase.tagging;

import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerService;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tagging feature's API: give and take tags, read a customer's tags. Every write commits to the
 * database first; the membership index is updated only after the commit, so the index never shows
 * what the database does not hold. Thread-safe.
 */
@Service
public class TaggingService {
  private final CustomerService customers;
  private final TaxonomyService taxonomy;
  private final JdbcAssignmentRepository repository;
  private final MembershipIndex index;
  private final Clock clock;

  TaggingService(
      CustomerService customers,
      TaxonomyService taxonomy,
      JdbcAssignmentRepository repository,
      MembershipIndex index,
      Clock clock) {
    this.customers = customers;
    this.taxonomy = taxonomy;
    this.repository = repository;
    this.index = index;
    this.clock = clock;
  }

  /**
   * Gives the customer the tag; doing it twice changes nothing. 404 for an unknown customer or tag,
   * 409 for an archived tag.
   *
   * @return true when the customer did not have the tag before
   */
  @Transactional
  public boolean assign(
      String customerExternalId, String tagCode, AssignmentSource source, String actor) {
    Customer customer = customers.get(customerExternalId);
    TagDefinition tag = assignableTag(tagCode);
    boolean added = repository.insert(customer.id(), tag.id(), source, actor, clock.instant());
    if (added) {
      afterCommit(() -> index.assigned(tag.code(), List.of(customer.externalId())));
    }
    return added;
  }

  /** Takes the tag away; true when the customer had it. 404 for an unknown customer or tag. */
  @Transactional
  public boolean unassign(String customerExternalId, String tagCode) {
    Customer customer = customers.get(customerExternalId);
    TagDefinition tag = taxonomy.get(tagCode);
    boolean removed = repository.delete(customer.id(), tag.id());
    if (removed) {
      afterCommit(() -> index.unassigned(tag.code(), customer.externalId()));
    }
    return removed;
  }

  /**
   * Writes many assignments of existing customers and tags in JDBC batches (demo data, loads). The
   * caller guarantees that none of the pairs is assigned already.
   */
  @Transactional
  public void assignAll(List<Assignment> batch, AssignmentSource source, String actor) {
    for (String code : batch.stream().map(Assignment::tagCode).distinct().toList()) {
      assignableTag(code);
    }
    repository.insertAll(batch, source, actor, clock.instant());
    Map<String, List<String>> byTag =
        batch.stream()
            .collect(
                Collectors.groupingBy(
                    Assignment::tagCode,
                    Collectors.mapping(Assignment::customerExternalId, Collectors.toList())));
    afterCommit(() -> byTag.forEach(index::assigned));
  }

  /** The customer's tags with their provenance, by code. 404 for an unknown customer. */
  @Transactional(readOnly = true)
  public List<CustomerTag> tagsOf(String customerExternalId) {
    return repository.tagsOf(customers.get(customerExternalId).id());
  }

  private TagDefinition assignableTag(String code) {
    TagDefinition tag = taxonomy.get(code);
    if (!tag.status().assignable()) {
      throw new ConflictException(
          "tagCode", "Tag '" + code + "' is " + tag.status() + " and cannot be assigned.");
    }
    return tag;
  }

  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }
}
