package io.tagbase.tagging;

import io.tagbase.tagging.JdbcAssignmentRepository.Expired;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TaxonomyService;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes expired tags away, every minute, in batches of 1,000 per transaction; each removal goes
 * through the history with source SYSTEM and reason "expired".
 */
@Component
public class TagExpiry {
  private static final Logger log = LoggerFactory.getLogger(TagExpiry.class);
  private static final int BATCH = 1000;

  private final JdbcAssignmentRepository assignments;
  private final AssignmentWriter writer;
  private final TaxonomyService taxonomy;
  private final TransactionTemplate tx;
  private final Clock clock;

  TagExpiry(
      JdbcAssignmentRepository assignments,
      AssignmentWriter writer,
      TaxonomyService taxonomy,
      TransactionTemplate tx,
      Clock clock) {
    this.assignments = assignments;
    this.writer = writer;
    this.taxonomy = taxonomy;
    this.tx = tx;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${tagbase.expiry-interval:PT1M}", initialDelayString = "PT10S")
  void scheduled() {
    int removed = removeExpired();
    if (removed > 0) {
      log.info("Removed {} expired tag assignments", removed);
    }
  }

  /** Removes every assignment whose expiry has passed; returns how many. */
  public int removeExpired() {
    int total = 0;
    while (true) {
      Integer removed = tx.execute(s -> removeBatch());
      if (removed == null || removed == 0) {
        return total;
      }
      total += removed;
    }
  }

  private int removeBatch() {
    List<Expired> expired = assignments.expired(clock.instant(), BATCH);
    var byTag = expired.stream().collect(Collectors.groupingBy(Expired::tagCode));
    int removed = 0;
    for (var entry : byTag.entrySet()) {
      TagDefinition tag = taxonomy.get(entry.getKey());
      List<AssignmentWriter.Item> items =
          entry.getValue().stream()
              .map(e -> new AssignmentWriter.Item(e.customerId(), e.externalId(), e.value(), null))
              .toList();
      removed += writer.remove(tag, items, AssignmentSource.SYSTEM, "system", "expired").removed();
    }
    return removed;
  }
}
