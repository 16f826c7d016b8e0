package io.tagbase.governance;

import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Puts together a tag's {@link TagOverview}. Cost: as {@link TagHealth#checkup} (one member count,
 * where-used of the library), plus one read each of the activity log and the pending requests.
 */
@Service
class TagOverviews {
  private final TagHealth health;
  private final TagActivityLog activity;
  private final Approvals approvals;
  private final TagUsages usages;

  TagOverviews(TagHealth health, TagActivityLog activity, Approvals approvals, TagUsages usages) {
    this.health = health;
    this.activity = activity;
    this.approvals = approvals;
    this.usages = usages;
  }

  /** The tag's overview, details in {@code locale}; 404 for an unknown tag. */
  TagOverview of(String code, Locale locale) {
    TagHealth.Checkup checkup = health.checkup(code, locale);
    TagActivityLog.Activity seen = activity.all().get(code);
    return new TagOverview(
        code,
        checkup.quality(),
        checkup.findings(),
        seen == null ? null : seen.lastViewed(),
        seen == null ? null : seen.lastUsed(),
        seen == null ? null : seen.trackedFrom(),
        approvals.pending(code).stream()
            .map(r -> new TagOverview.Pending(r.id(), r.kind(), r.requestedBy(), r.requestedAt()))
            .toList(),
        usages.of(code).usedBy().size());
  }
}
