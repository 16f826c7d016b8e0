package io.tagbase.segment;

import io.tagbase.tagging.MembershipIndex;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saved segments: create (evaluated at once), change, delete, list, and freeze a snapshot. A static
 * segment keeps the members it had when it was taken; its condition cannot change.
 */
@Service
public class SegmentLibrary {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

  private final JdbcSegmentRepository repository;
  private final SegmentService segments;
  private final SegmentRefresher refresher;
  private final MembershipIndex index;
  private final TransactionTemplate tx;
  private final io.tagbase.privacy.AuditLog audit;
  private final Clock clock;

  SegmentLibrary(
      JdbcSegmentRepository repository,
      SegmentService segments,
      SegmentRefresher refresher,
      MembershipIndex index,
      TransactionTemplate tx,
      io.tagbase.privacy.AuditLog audit,
      Clock clock) {
    this.audit = audit;
    this.repository = repository;
    this.segments = segments;
    this.refresher = refresher;
    this.index = index;
    this.tx = tx;
    this.clock = clock;
  }

  /** Every saved segment, sized within the caller's data scope. */
  public List<SegmentDefinition> all() {
    return repository.all().stream().map(segments::scoped).toList();
  }

  /** The saved segment, sized within the caller's data scope; 404 when there is none. */
  public SegmentDefinition get(String code) {
    return repository
        .find(code)
        .map(segments::scoped)
        .orElseThrow(() -> new NotFoundException("No segment with code '" + code + "'."));
  }

  /** Saves and evaluates a segment; 409 for a taken code, 400 naming the condition's fault. */
  public SegmentDefinition create(NewSegment segment, String actor) {
    segments.parse(segment.condition(), "condition", segment.code());
    if (repository.find(segment.code()).isPresent()) {
      throw new ConflictException("code", "A segment with code '" + segment.code() + "' exists.");
    }
    SegmentKind kind = segment.kind() == null ? SegmentKind.DYNAMIC : segment.kind();
    tx.executeWithoutResult(s -> repository.insert(segment, kind, actor, clock.instant()));
    refresher.refresh(get(segment.code()));
    audit.record(actor, "SEGMENT_CREATED", "segment", segment.code(), kind.name());
    return get(segment.code());
  }

  /** Changes names, description and (for a dynamic segment) the condition, then re-evaluates. */
  public SegmentDefinition update(String code, NewSegment change) {
    SegmentDefinition current = get(code);
    if (!current.code().equals(change.code())) {
      throw new InvalidInputException("code", "A segment's code cannot change.");
    }
    boolean conditionChanged = !current.condition().equals(change.condition());
    if (current.kind() == SegmentKind.STATIC && conditionChanged) {
      throw new ConflictException(
          "condition", "A static segment keeps its members; its condition cannot change.");
    }
    segments.parse(change.condition(), "condition", code);
    tx.executeWithoutResult(s -> repository.update(current.id(), change, clock.instant()));
    audit.record(
        currentUser(),
        "SEGMENT_UPDATED",
        "segment",
        code,
        conditionChanged ? "condition changed" : null);
    if (conditionChanged) {
      refresher.refresh(get(code));
    }
    return get(code);
  }

  /**
   * Deletes the segment with its members and history; 409 while a dynamic segment uses it (static
   * ones, such as its snapshots, keep their members).
   */
  public void delete(String code) {
    SegmentDefinition segment = get(code);
    for (SegmentDefinition other : repository.all()) {
      if (other.kind() == SegmentKind.DYNAMIC
          && !other.code().equals(code)
          && ConditionJson.segmentsUsed(other.condition()).contains(code)) {
        throw new ConflictException(
            "code", "Segment '" + other.code() + "' uses '" + code + "'; change it first.");
      }
    }
    tx.executeWithoutResult(s -> repository.delete(segment.id()));
    audit.record(currentUser(), "SEGMENT_DELETED", "segment", code, null);
    index.drop(segment.indexKey());
  }

  /** Freezes the segment's current members as a new static segment, and returns it. */
  public SegmentDefinition snapshot(String code, String actor) {
    SegmentDefinition source = get(code);
    String stamp = STAMP.format(clock.instant().atOffset(ZoneOffset.UTC));
    String snapshotCode = truncate(code, 50) + "_s" + stamp;
    return create(
        new NewSegment(
            snapshotCode,
            source.nameZh() + " 快照 " + stamp,
            source.nameEn() + " snapshot " + stamp,
            "Snapshot of " + code + " taken " + clock.instant() + " (UTC).",
            SegmentKind.STATIC,
            Map.of("segment", code)),
        actor);
  }

  /** Re-evaluates a dynamic segment now; a static one is refused. */
  public RefreshResult refresh(String code) {
    SegmentDefinition segment = get(code);
    if (segment.kind() == SegmentKind.STATIC) {
      throw new ConflictException(
          "code", "A static segment keeps its members and is not re-evaluated.");
    }
    return refresher.refresh(segment);
  }

  public List<SegmentSize> sizes(String code, int days) {
    return repository.sizes(get(code).id(), LocalDate.now(clock).minusDays(days));
  }

  public List<SegmentTransition> transitions(String code, int limit) {
    return repository.transitions(get(code).id(), limit);
  }

  private static String currentUser() {
    var authentication =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    return authentication == null ? "system" : authentication.getName();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
