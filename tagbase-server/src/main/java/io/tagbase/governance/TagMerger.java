package io.tagbase.governance;

import io.tagbase.engine.Condition;
import io.tagbase.governance.JdbcGovernanceRepository.StoredMerge;
import io.tagbase.job.JobOutcome;
import io.tagbase.job.JobStatus;
import io.tagbase.privacy.AuditLog;
import io.tagbase.rules.RuleService;
import io.tagbase.rules.TemplateService;
import io.tagbase.segment.SegmentKind;
import io.tagbase.segment.SegmentLibrary;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.BulkItem;
import io.tagbase.tagging.BulkRequest;
import io.tagbase.tagging.BulkTagging;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagEditor;
import io.tagbase.taxonomy.TagKind;
import io.tagbase.taxonomy.TagStatus;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Merges tags into a kept tag: the kept tag gains every member of the merged tags (with an enter in
 * its history naming the merge), every rule, template, segment and automation that referred to a
 * merged tag is rewritten to the kept one, and the merged tags are archived (their own members and
 * history stay as they were). All in one transaction. A merge can be undone within {@code
 * tagbase.governance.undo-days} (7 by default): the customers it added leave the kept tag again,
 * the rewritten texts are put back and the merged tags get their statuses back.
 */
@Service
public class TagMerger {
  private final TaxonomyService taxonomy;
  private final TagEditor editor;
  private final TagReferences references;
  private final TagUsages usages;
  private final JdbcGovernanceRepository repository;
  private final BulkTagging bulk;
  private final MembershipIndex index;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration undoPeriod;
  private final RuleService rules;
  private final TemplateService templates;
  private final SegmentLibrary segments;

  TagMerger(
      TaxonomyService taxonomy,
      TagEditor editor,
      TagReferences references,
      TagUsages usages,
      JdbcGovernanceRepository repository,
      BulkTagging bulk,
      MembershipIndex index,
      AuditLog audit,
      ObjectMapper json,
      Clock clock,
      RuleService rules,
      TemplateService templates,
      SegmentLibrary segments,
      @Value("${tagbase.governance.undo-days:7}") int undoDays) {
    this.taxonomy = taxonomy;
    this.editor = editor;
    this.references = references;
    this.usages = usages;
    this.repository = repository;
    this.bulk = bulk;
    this.index = index;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
    this.undoPeriod = Duration.ofDays(undoDays);
    this.rules = rules;
    this.templates = templates;
    this.segments = segments;
  }

  /** What the merge would do; 400/404/409 exactly as {@link #merge} would refuse it. */
  @Transactional(readOnly = true)
  public MergePreview preview(String kept, List<String> merged) {
    TagDefinition keptTag = check(kept, merged);
    // From the index: what each merged tag adds beyond the kept tag and the tags before it.
    Map<String, Long> added = new LinkedHashMap<>();
    List<Condition> before = new ArrayList<>(List.of(Condition.tag(kept)));
    for (String code : merged) {
      added.put(
          code,
          index.count(Condition.and(Condition.tag(code), Condition.not(Condition.or(before)))));
      before.add(Condition.tag(code));
    }
    List<Usage> rewrites = new ArrayList<>();
    for (String code : merged) {
      usages.of(code).usedBy().stream()
          .filter(
              u ->
                  rewrites.stream()
                      .noneMatch(r -> r.kind().equals(u.kind()) && r.code().equals(u.code())))
          .forEach(rewrites::add);
    }
    List<String> warnings = new ArrayList<>();
    if (keptTag.kind() == TagKind.RULE) {
      warnings.add(
          "'"
              + kept
              + "' is a rule tag: its rule decides its members, so the next evaluation may take"
              + " away members the merge adds. Widen its rule as well.");
    }
    for (String code : merged) {
      if (taxonomy.get(code).kind() == TagKind.RULE) {
        warnings.add("'" + code + "' is a rule tag: its rule stops with the tag archived.");
      }
    }
    long after =
        index.count(
            Condition.or(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(kept), merged.stream())
                    .map(Condition::tag)
                    .toList()));
    return new MergePreview(
        kept, List.copyOf(merged), index.count(kept), added, after, rewrites, warnings);
  }

  /** Merges {@code merged} into {@code kept}; see the class comment. */
  @Transactional
  public TagMerge merge(String kept, List<String> merged, String actor) {
    check(kept, merged);
    Map<String, List<List<String>>> added = new LinkedHashMap<>();
    Map<String, String> statuses = new LinkedHashMap<>();
    for (String code : merged) {
      List<String[]> holders = repository.holdersNotIn(code, kept);
      added.put(code, holders.stream().map(h -> Arrays.asList(h[0], h[1])).toList());
      write(kept, holders, BulkRequest.Operation.ADD, "merged from " + code, actor);
    }
    Map<String, String> renames = new LinkedHashMap<>();
    merged.forEach(code -> renames.put(code, kept));
    List<TagReferences.Rewrite> rewrites = references.rewrite(renames);
    for (String code : merged) {
      statuses.put(code, taxonomy.get(code).status().name());
      editor.forceStatus(code, TagStatus.ARCHIVED, "MERGED", actor);
    }
    MergeChanges changes = new MergeChanges(added, rewrites, statuses);
    Instant now = clock.instant();
    long id =
        repository.insertMerge(
            kept,
            String.join(",", merged),
            json.writeValueAsString(changes),
            actor,
            now,
            now.plus(undoPeriod));
    audit.record(
        actor,
        "TAG_MERGE",
        "tag",
        kept,
        "merged "
            + String.join(", ", merged)
            + ": "
            + changes.membersAdded()
            + " members added, "
            + rewrites.size()
            + " references rewritten");
    return get(id);
  }

  /** Undoes the merge; 404 for an unknown merge, 409 when undone already or past its period. */
  @Transactional
  public TagMerge undo(long id, String actor) {
    StoredMerge stored = stored(id);
    if (!"DONE".equals(stored.status())) {
      throw new ConflictException("id", "Merge " + id + " has been undone already.");
    }
    if (clock.instant().isAfter(stored.undoUntil())) {
      throw new ConflictException(
          "id",
          "Merge "
              + id
              + " can no longer be undone: its period ended at "
              + stored.undoUntil()
              + ".");
    }
    MergeChanges changes = json.readValue(stored.changesJson(), MergeChanges.class);
    if (!repository.markUndone(id, actor, clock.instant())) {
      throw new ConflictException("id", "Merge " + id + " has been undone already.");
    }
    changes
        .statuses()
        .forEach(
            (code, status) ->
                editor.forceStatus(code, TagStatus.valueOf(status), "RESTORE", actor));
    references.restore(changes.rewrites());
    changes
        .added()
        .forEach(
            (code, holders) ->
                write(
                    stored.keptCode(),
                    holders.stream().map(h -> new String[] {h.get(0), h.get(1)}).toList(),
                    BulkRequest.Operation.REMOVE,
                    "merge " + id + " of " + code + " undone",
                    actor));
    audit.record(actor, "TAG_MERGE_UNDO", "tag", stored.keptCode(), "merge " + id);
    return get(id);
  }

  /**
   * Re-evaluates what the merge (or its undo) rewrote, now that the kept tag's members are in the
   * index: the rule and template tags, and the dynamic segments. Call it after {@link #merge} or
   * {@link #undo} has committed, outside their transaction. Returns what could not be refreshed (a
   * rule that no longer checks, say), in English; the rest is refreshed.
   */
  public List<String> refresh(long id) {
    MergeChanges changes = json.readValue(stored(id).changesJson(), MergeChanges.class);
    List<String> problems = new ArrayList<>();
    for (TagReferences.Rewrite r : changes.rewrites()) {
      try {
        switch (r.kind()) {
          case "RULE" -> {
            if (r.before().strip().startsWith("{")) {
              templates.evaluate(r.code(), rules.today());
            } else {
              rules.evaluate(r.code(), rules.today());
            }
          }
          case "SEGMENT" -> {
            if (segments.get(r.code()).kind() == SegmentKind.DYNAMIC) {
              segments.refresh(r.code());
            }
          }
          default -> {
            // Automations read their conditions at each transition; nothing to refresh.
          }
        }
      } catch (RuntimeException e) {
        problems.add(r.kind() + " " + r.code() + ": " + e.getMessage());
      }
    }
    return problems;
  }

  @Transactional(readOnly = true)
  public TagMerge get(long id) {
    return merge(stored(id));
  }

  /** Recent merges, newest first. */
  @Transactional(readOnly = true)
  public List<TagMerge> recent(int limit) {
    return repository.merges(limit).stream().map(this::merge).toList();
  }

  /** The merge that archived {@code code}, if any and not undone: the pointer to its successor. */
  @Transactional(readOnly = true)
  public java.util.Optional<TagMerge> mergedInto(String code) {
    return repository.merges(1000).stream()
        .filter(m -> "DONE".equals(m.status()))
        .filter(m -> Arrays.asList(m.mergedCodes().split(",")).contains(code))
        .findFirst()
        .map(this::merge);
  }

  private void write(
      String tag, List<String[]> holders, BulkRequest.Operation op, String reason, String actor) {
    if (holders.isEmpty()) {
      return;
    }
    List<BulkItem> items = new ArrayList<>();
    for (int i = 0; i < holders.size(); i++) {
      items.add(new BulkItem(i + 1, holders.get(i)[0], tag, holders.get(i)[1], null));
    }
    JobOutcome outcome =
        bulk.run(
            new BulkRequest(tag, op, true, null, reason),
            items,
            AssignmentSource.SYSTEM,
            actor,
            rows -> {});
    if (outcome.status() == JobStatus.FAILED) {
      throw new ConflictException("kept", "The members could not be moved: " + outcome.message());
    }
  }

  private TagDefinition check(String kept, List<String> merged) {
    if (merged == null || merged.isEmpty()) {
      throw new InvalidInputException(
          "merged", "List at least one tag to merge into '" + kept + "'.");
    }
    TagDefinition keptTag = live(kept, "kept");
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < merged.size(); i++) {
      String field = "merged[" + i + "]";
      String code = merged.get(i);
      if (code == null || code.equals(kept)) {
        throw new InvalidInputException(field, "A tag cannot be merged into itself.");
      }
      if (!seen.add(code)) {
        throw new InvalidInputException(field, "Tag '" + code + "' is listed twice.");
      }
      TagDefinition tag = live(code, field);
      if (tag.valueType() != keptTag.valueType()) {
        throw new InvalidInputException(
            field,
            "Tag '"
                + code
                + "' is "
                + tag.valueType()
                + " but '"
                + kept
                + "' is "
                + keptTag.valueType()
                + "; only tags of the same value type merge.");
      }
      Set<String> keptValues =
          keptTag.values().stream().map(TagValue::code).collect(Collectors.toSet());
      List<String> missing =
          tag.values().stream().map(TagValue::code).filter(v -> !keptValues.contains(v)).toList();
      if (!missing.isEmpty()) {
        throw new InvalidInputException(
            field,
            "'"
                + kept
                + "' has no value "
                + String.join(", ", missing)
                + " of '"
                + code
                + "'; add those values to it first.");
      }
    }
    return keptTag;
  }

  private TagDefinition live(String code, String field) {
    TagDefinition tag =
        taxonomy
            .find(code)
            .orElseThrow(
                () -> new InvalidInputException(field, "No tag with code '" + code + "'."));
    if (tag.status() == TagStatus.ARCHIVED) {
      throw new ConflictException(field, "Tag '" + code + "' is archived.");
    }
    return tag;
  }

  private StoredMerge stored(long id) {
    return repository
        .merge(id)
        .orElseThrow(() -> new NotFoundException("No merge with id " + id + "."));
  }

  private TagMerge merge(StoredMerge m) {
    MergeChanges changes = json.readValue(m.changesJson(), MergeChanges.class);
    return new TagMerge(
        m.id(),
        m.keptCode(),
        List.of(m.mergedCodes().split(",")),
        m.status(),
        changes.membersAdded(),
        changes.rewrites().size(),
        m.mergedBy(),
        m.mergedAt(),
        m.undoUntil(),
        m.undoneBy(),
        m.undoneAt());
  }
}
