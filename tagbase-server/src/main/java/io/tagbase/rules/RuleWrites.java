package io.tagbase.rules;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagBitmap;
import io.tagbase.job.JobStatus;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.BulkItem;
import io.tagbase.tagging.BulkRequest;
import io.tagbase.tagging.BulkTagging;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.web.ConflictException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How rules and templates change memberships: through bulk tagging with source RULE, all or
 * nothing, so the tag history and the index stay right; and the external ids of index bitmaps.
 */
@Component
class RuleWrites {
  private final BulkTagging bulk;

  RuleWrites(BulkTagging bulk) {
    this.bulk = bulk;
  }

  /** Adds ({@code value} for a layered tag) or removes the customers; 409 if any row fails. */
  void apply(
      TagDefinition tag,
      BulkRequest.Operation operation,
      String value,
      List<String> externalIds,
      String actor,
      String reason) {
    if (externalIds.isEmpty()) {
      return;
    }
    List<BulkItem> items = new ArrayList<>(externalIds.size());
    for (int i = 0; i < externalIds.size(); i++) {
      items.add(new BulkItem(i + 1, externalIds.get(i), null, null, null));
    }
    var outcome =
        bulk.run(
            new BulkRequest(tag.code(), operation, true, value, reason),
            items,
            AssignmentSource.RULE,
            actor,
            rows -> {});
    if (outcome.status() == JobStatus.FAILED) {
      throw new ConflictException("tag", outcome.message());
    }
  }

  /** The external ids of the live customers in {@code bits}, in id order. */
  static List<String> externalIds(TagBitmap bits, CustomerDictionary dictionary) {
    List<String> ids = new ArrayList<>();
    bits.forEach(
        id -> {
          String externalId = dictionary.externalId(id);
          if (externalId != null) {
            ids.add(externalId);
          }
        });
    return ids;
  }
}
