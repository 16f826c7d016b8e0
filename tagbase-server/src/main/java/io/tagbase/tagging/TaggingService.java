package io.tagbase.tagging;

import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerService;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tagging feature's API: give and take tags, read a customer's tags and history. Every write
 * commits the assignment and its history rows together; the membership index is updated only after
 * the commit, so the index never shows what the database does not hold. Thread-safe.
 */
@Service
public class TaggingService {
  private final CustomerService customers;
  private final TaxonomyService taxonomy;
  private final JdbcAssignmentRepository assignments;
  private final JdbcHistoryRepository history;
  private final AssignmentWriter writer;
  private final Clock clock;
  private final io.tagbase.privacy.CallerAccess caller;

  TaggingService(
      io.tagbase.privacy.CallerAccess caller,
      CustomerService customers,
      TaxonomyService taxonomy,
      JdbcAssignmentRepository assignments,
      JdbcHistoryRepository history,
      AssignmentWriter writer,
      Clock clock) {
    this.caller = caller;
    this.customers = customers;
    this.taxonomy = taxonomy;
    this.assignments = assignments;
    this.history = history;
    this.writer = writer;
    this.clock = clock;
  }

  /**
   * Gives the customer the tag (or, for a layered tag, sets its value). Giving a held tag again
   * refreshes provenance and expiry and records nothing in the history. 404 for an unknown customer
   * or tag; 409 for an archived tag; 400 for a missing or unknown value or an expiry in the past.
   */
  @Transactional
  public WriteSummary assign(
      String customerExternalId,
      String tagCode,
      AssignOptions options,
      AssignmentSource source,
      String actor) {
    Customer customer = customers.get(customerExternalId);
    TagDefinition tag = assignableTag(tagCode);
    String problem = TagRules.valueProblem(tag, options.value());
    if (problem != null) {
      throw new InvalidInputException("value", problem);
    }
    Instant now = clock.instant();
    if (options.expiresAt() != null && !options.expiresAt().isAfter(now)) {
      throw new InvalidInputException("expiresAt", "expiresAt must be in the future.");
    }
    var item =
        new AssignmentWriter.Item(
            customer.id(), customer.externalId(), options.value(), expiry(tag, options, now));
    return writer.add(tag, List.of(item), source, actor, options.reason());
  }

  /** Takes the tag away; true when the customer had it. 404 for an unknown customer or tag. */
  @Transactional
  public boolean unassign(
      String customerExternalId,
      String tagCode,
      AssignmentSource source,
      String actor,
      String reason) {
    Customer customer = customers.get(customerExternalId);
    TagDefinition tag = taxonomy.get(tagCode);
    var item = new AssignmentWriter.Item(customer.id(), customer.externalId(), null, null);
    return writer.remove(tag, List.of(item), source, actor, reason).removed() == 1;
  }

  /**
   * The customer's tags with value, provenance and expiry, by code. 404 for an unknown customer.
   */
  @Transactional(readOnly = true)
  public List<CustomerTag> tagsOf(String customerExternalId) {
    return assignments.tagsOf(customers.get(customerExternalId).id()).stream()
        .filter(t -> visible(t.code()))
        .toList();
  }

  /** Tags marked sensitive are left out for callers without the permission to see them. */
  private boolean visible(String tagCode) {
    return caller.seesSensitiveTags()
        || taxonomy
            .find(tagCode)
            .map(t -> t.sensitivity() == io.tagbase.taxonomy.Sensitivity.NORMAL)
            .orElse(true);
  }

  /** The customer's tag timeline, newest first. 404 for an unknown customer. */
  @Transactional(readOnly = true)
  public List<MembershipChange> timeline(String customerExternalId, int limit) {
    return history.ofCustomer(customers.get(customerExternalId).id(), limit).stream()
        .filter(c -> visible(c.tagCode()))
        .toList();
  }

  /** The tag's recent enters and leaves, newest first. 404 for an unknown tag. */
  @Transactional(readOnly = true)
  public List<MembershipChange> recentChanges(String tagCode, int limit) {
    return history.ofTag(taxonomy.get(tagCode).id(), limit);
  }

  /**
   * Who held the tag (with {@code value}, when given) at the instant {@code at}, from the history;
   * external ids in order. 404 for an unknown tag.
   */
  @Transactional(readOnly = true)
  public List<String> holdersAt(String tagCode, String value, Instant at) {
    return history.holdersAt(taxonomy.get(tagCode).id(), value, at);
  }

  /** The tag; 404 when unknown. */
  TagDefinition tag(String code) {
    return taxonomy.get(code);
  }

  /** The tag if it may be assigned; 409 naming the status when archived. */
  TagDefinition assignableTag(String code) {
    TagDefinition tag = taxonomy.get(code);
    if (!tag.status().assignable()) {
      throw new ConflictException(
          "tagCode", "Tag '" + code + "' is " + tag.status() + " and cannot be assigned.");
    }
    return tag;
  }

  /** The explicit expiry, else now plus the tag's default TTL, else never. */
  static Instant expiry(TagDefinition tag, AssignOptions options, Instant now) {
    if (options.expiresAt() != null) {
      return options.expiresAt();
    }
    return tag.defaultTtlDays() == null ? null : now.plus(Duration.ofDays(tag.defaultTtlDays()));
  }
}
