package io.tagbase.taxonomy;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes tag definitions after creation: edits (UPDATE) and lifecycle transitions (STATUS). Every
 * change is stored as the next version with who made it and the whole definition as JSON, and
 * published as a {@link TagDefinitionChanged}. A change that changes nothing stores no version.
 * Writers are checked optimistically: a stale {@code expectedVersion}, or a concurrent writer, gets
 * a 409.
 */
@Service
public class TagEditor {
  private final TaxonomyService taxonomy;
  private final JdbcTaxonomyRepository repository;
  private final JdbcTaxonomyEdits edits;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final org.springframework.beans.factory.ObjectProvider<TagGuard> guards;

  TagEditor(
      org.springframework.beans.factory.ObjectProvider<TagGuard> guards,
      TaxonomyService taxonomy,
      JdbcTaxonomyRepository repository,
      JdbcTaxonomyEdits edits,
      ApplicationEventPublisher events,
      Clock clock) {
    this.guards = guards;
    this.taxonomy = taxonomy;
    this.repository = repository;
    this.edits = edits;
    this.events = events;
    this.clock = clock;
  }

  /** Replaces the editable fields (see {@link TagUpdate}); 400 naming the rule a change breaks. */
  @Transactional
  public TagDefinition update(String code, TagUpdate update, String actor) {
    TagDefinition current = taxonomy.get(code);
    checkVersion(current, update.expectedVersion());
    TagDefinition changed = TagChanges.apply(current, update, categoryId(update.categoryCode()));
    if (changed.equals(current)) {
      return current;
    }
    TagCategory category =
        taxonomy.categories().stream()
            .filter(c -> c.id() == changed.categoryId())
            .findFirst()
            .orElseThrow();
    guards.orderedStream().forEach(g -> g.updating(current, changed, category));
    store(current, changed, "UPDATE", actor);
    return taxonomy.get(code);
  }

  /** Moves the tag to another category, as an UPDATE version. */
  @Transactional
  public TagDefinition move(String code, String categoryCode, String actor) {
    return update(code, TagUpdate.moving(taxonomy.get(code), categoryCode), actor);
  }

  /**
   * Moves the tag along its lifecycle (see {@link TagStatus#next}); 400 naming the allowed next
   * statuses otherwise.
   */
  @Transactional
  public TagDefinition changeStatus(String code, StatusChange change, String actor) {
    TagDefinition current = taxonomy.get(code);
    checkVersion(current, change.expectedVersion());
    TagStatus target = parse(change.status());
    if (target == current.status()) {
      return current;
    }
    if (current.status().next().isEmpty()) {
      throw Refusal.invalid("status", "tag.error.final", code, current.status().name());
    }
    if (!current.status().canMoveTo(target)) {
      String allowed =
          current.status().next().stream().map(Enum::name).collect(Collectors.joining(", "));
      throw Refusal.invalid(
          "status", "tag.error.transition", code, current.status().name(), target.name(), allowed);
    }
    guards.orderedStream().forEach(g -> g.changingStatus(current, target));
    store(current, TagChanges.withStatus(current, target), "STATUS", actor);
    return taxonomy.get(code);
  }

  /**
   * Sets a tag's status outside the lifecycle and its guards, stored as a version with {@code
   * change} (MERGED, RESTORE): only for changes Tagbase makes itself (a merge archives the merged
   * tags once nothing refers to them; undoing the merge restores their status).
   */
  @Transactional
  public TagDefinition forceStatus(String code, TagStatus status, String change, String actor) {
    TagDefinition current = taxonomy.get(code);
    if (current.status() != status) {
      store(current, TagChanges.withStatus(current, status), change, actor);
    }
    return taxonomy.get(code);
  }

  private void store(TagDefinition current, TagDefinition changed, String change, String actor) {
    if (!edits.updateTag(changed, current.version(), clock.instant())) {
      throw Refusal.conflict(
          "expectedVersion", "tag.error.concurrent", current.code(), current.version());
    }
    if (!changed.values().equals(current.values())) {
      edits.storeValues(current.id(), current.values(), changed.values());
    }
    int version = current.version() + 1;
    TagDefinition stored = taxonomy.get(current.code());
    repository.insertVersion(
        current.id(), version, change, actor, TagJson.write(stored), clock.instant());
    events.publishEvent(
        new TagDefinitionChanged(current.code(), version, change, changed.status()));
  }

  private static void checkVersion(TagDefinition current, Integer expected) {
    if (expected != null && expected != current.version()) {
      throw Refusal.conflict(
          "expectedVersion", "tag.error.staleVersion", current.code(), expected, current.version());
    }
  }

  private long categoryId(String categoryCode) {
    return taxonomy.categories().stream()
        .filter(c -> c.code().equals(categoryCode))
        .findFirst()
        .orElseThrow(
            () -> Refusal.invalid("categoryCode", "taxonomy.error.noCategory", categoryCode))
        .id();
  }

  private static TagStatus parse(String status) {
    try {
      return TagStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(
          "status", "tag.error.unknownStatus", status, Arrays.toString(TagStatus.values()));
    }
  }
}
