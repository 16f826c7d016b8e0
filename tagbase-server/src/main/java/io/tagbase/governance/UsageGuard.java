package io.tagbase.governance;

import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagGuard;
import io.tagbase.taxonomy.TagStatus;
import io.tagbase.web.ConflictException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Refuses to archive a tag that rules, segments or automations still use (409 listing them): an
 * archived tag can no longer be assigned or evaluated, so each of them would break. Value types
 * never change (the taxonomy refuses it), so there is nothing to check for them.
 */
@Component
class UsageGuard implements TagGuard {
  private final TagUsages usages;

  UsageGuard(TagUsages usages) {
    this.usages = usages;
  }

  @Override
  public void changingStatus(TagDefinition current, TagStatus target) {
    if (target != TagStatus.ARCHIVED) {
      return;
    }
    List<Usage> usedBy = usages.of(current.code()).usedBy();
    if (!usedBy.isEmpty()) {
      throw new ConflictException(
          "status",
          "Tag '"
              + current.code()
              + "' is still used by "
              + TagUsages.describe(usedBy)
              + ". Change or remove those first, or merge the tag into another.");
    }
  }
}
