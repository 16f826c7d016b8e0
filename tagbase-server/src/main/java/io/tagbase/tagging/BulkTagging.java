package io.tagbase.tagging;

import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerService;
import io.tagbase.job.Job;
import io.tagbase.job.JobOutcome;
import io.tagbase.job.JobService;
import io.tagbase.job.JobStatus;
import io.tagbase.job.JobWork;
import io.tagbase.job.RowError;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk tagging: many customers at once, from a list, a file or a segment, as a job with progress
 * and a per-row report (unknown customer, unknown or archived tag, bad value, bad expiry). Either
 * every valid row is applied or none, in one transaction; never a silent half.
 */
@Service
public class BulkTagging {
  private static final int CHUNK = 500;

  private final CustomerService customers;
  private final TaggingService tagging;
  private final AssignmentWriter writer;
  private final JobService jobs;
  private final io.tagbase.privacy.AuditLog audit;
  private final TransactionTemplate tx;
  private final ExpiryParser expiry;
  private final Clock clock;

  BulkTagging(
      CustomerService customers,
      TaggingService tagging,
      AssignmentWriter writer,
      JobService jobs,
      io.tagbase.privacy.AuditLog audit,
      TransactionTemplate tx,
      ExpiryParser expiry,
      Clock clock) {
    this.customers = customers;
    this.tagging = tagging;
    this.writer = writer;
    this.jobs = jobs;
    this.audit = audit;
    this.tx = tx;
    this.expiry = expiry;
    this.clock = clock;
  }

  /** Starts the work as a background job and returns it at once; 400 when there are no rows. */
  public Job start(
      BulkRequest request, List<BulkItem> items, AssignmentSource source, String actor) {
    if (items.isEmpty()) {
      throw new InvalidInputException("customerIds", "There are no customers to tag.");
    }
    audit.record(
        actor,
        "BULK_TAGGING",
        "tag",
        request.tagCode(),
        request.operation() + " " + items.size() + " rows, source " + source);
    return jobs.submit(
        "bulk-tagging",
        items.size(),
        actor,
        progress -> run(request, items, source, actor, progress));
  }

  /** Does the work on the calling thread; what a job runs. */
  public JobOutcome run(
      BulkRequest request,
      List<BulkItem> items,
      AssignmentSource source,
      String actor,
      JobWork.Progress progress) {
    List<RowError> errors = new ArrayList<>();
    Map<String, TagDefinition> tags = new HashMap<>();
    Map<String, String> tagProblems = new HashMap<>();
    Map<String, List<AssignmentWriter.Item>> byTag = new LinkedHashMap<>();
    Instant now = clock.instant();
    for (int from = 0; from < items.size(); from += CHUNK) {
      List<BulkItem> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
      Map<String, Customer> found = new HashMap<>();
      customers
          .getAll(chunk.stream().map(BulkItem::customerId).filter(id -> id != null).toList())
          .forEach(c -> found.put(c.externalId(), c));
      for (BulkItem item : chunk) {
        String problem = check(request, item, found, tags, tagProblems, byTag, now);
        if (problem != null) {
          errors.add(new RowError(item.row(), item.customerId(), problem));
        }
      }
      progress.processed(Math.min(items.size(), from + CHUNK));
    }
    int valid = items.size() - errors.size();
    if (!errors.isEmpty() && (request.allOrNothing() || valid == 0)) {
      return new JobOutcome(
          JobStatus.FAILED,
          0,
          errors,
          errors.size() + " of " + items.size() + " rows are invalid; nothing was applied.");
    }
    WriteSummary summary =
        tx.execute(
            s -> {
              WriteSummary total = new WriteSummary(0, 0, 0, 0, 0);
              for (var entry : byTag.entrySet()) {
                TagDefinition tag = tags.get(entry.getKey());
                total =
                    total.plus(
                        request.operation() == BulkRequest.Operation.ADD
                            ? writer.add(tag, entry.getValue(), source, actor, request.reason())
                            : writer.remove(
                                tag, entry.getValue(), source, actor, request.reason()));
              }
              return total;
            });
    return new JobOutcome(
        errors.isEmpty() ? JobStatus.SUCCEEDED : JobStatus.PARTIAL,
        valid,
        errors,
        describe(summary));
  }

  /** Why the row cannot be applied, or null after adding it to its tag's group. */
  private String check(
      BulkRequest request,
      BulkItem item,
      Map<String, Customer> found,
      Map<String, TagDefinition> tags,
      Map<String, String> tagProblems,
      Map<String, List<AssignmentWriter.Item>> byTag,
      Instant now) {
    if (item.customerId() == null || item.customerId().isBlank()) {
      return "The customer id is empty.";
    }
    Customer customer = found.get(item.customerId());
    if (customer == null) {
      return "No customer with id '" + item.customerId() + "'.";
    }
    String code = item.tagCode() != null ? item.tagCode() : request.tagCode();
    if (code == null) {
      return "No tag given for this row.";
    }
    if (!tags.containsKey(code)) {
      try {
        tags.put(
            code,
            request.operation() == BulkRequest.Operation.ADD
                ? tagging.assignableTag(code)
                : tagging.tag(code));
      } catch (NotFoundException | ConflictException e) {
        tags.put(code, null);
        tagProblems.put(code, e.getMessage());
      }
    }
    TagDefinition tag = tags.get(code);
    if (tag == null) {
      return tagProblems.get(code);
    }
    String value = item.value() != null ? item.value() : request.value();
    Instant expiresAt = null;
    if (request.operation() == BulkRequest.Operation.ADD) {
      String problem = TagRules.valueProblem(tag, value);
      if (problem != null) {
        return problem;
      }
      if (item.expiresAt() != null) {
        var parsed = expiry.parse(item.expiresAt());
        if (parsed.isEmpty()) {
          return "'" + item.expiresAt() + "' is not a date (yyyy-MM-dd) or an ISO-8601 time.";
        }
        if (!parsed.get().isAfter(now)) {
          return "The expiry " + item.expiresAt() + " is in the past.";
        }
        expiresAt = parsed.get();
      }
      expiresAt = TaggingService.expiry(tag, new AssignOptions(value, expiresAt, null), now);
    }
    byTag
        .computeIfAbsent(code, c -> new ArrayList<>())
        .add(
            new AssignmentWriter.Item(
                customer.id(), customer.externalId(), tag.layered() ? value : null, expiresAt));
    return null;
  }

  private static String describe(WriteSummary s) {
    return "Added "
        + s.added()
        + ", changed value "
        + s.changed()
        + ", already held "
        + s.unchanged()
        + ", removed "
        + s.removed()
        + ", not held "
        + s.notHeld()
        + ".";
  }
}
