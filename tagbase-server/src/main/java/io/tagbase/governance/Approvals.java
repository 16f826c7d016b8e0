package io.tagbase.governance;

import io.tagbase.privacy.AuditLog;
import io.tagbase.rules.DryRun;
import io.tagbase.rules.RuleChangeGate;
import io.tagbase.rules.RuleService;
import io.tagbase.security.Permission;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagStatus;
import io.tagbase.web.ConflictException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The approval workflow for rule changes. A change to an ACTIVE tag's rule by a caller without the
 * APPROVE permission is not saved: it becomes a pending {@link ChangeRequest} with the rule before
 * and after and its dry-run effect on members, and the save is refused with 409 naming the request.
 * An approver accepts it (the rule is then saved in the approver's name and evaluated) or rejects
 * it. Work without a caller (scheduled jobs, start-up, merges) is not gated.
 */
@Service
public class Approvals implements RuleChangeGate {
  private final JdbcChangeRequests repository;
  private final RuleService rules;
  private final AuditLog audit;
  private final Clock clock;

  Approvals(JdbcChangeRequests repository, RuleService rules, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.rules = rules;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void saving(TagDefinition tag, String current, String text, String actor) {
    if (tag.status() != TagStatus.ACTIVE || callerMayApprove()) {
      return;
    }
    DryRun dry = rules.dryRun(text, tag.code(), rules.today());
    long entering = dry.entering() == null ? 0 : dry.entering();
    long leaving = dry.leaving() == null ? 0 : dry.leaving();
    long id =
        repository.insert(
            new ChangeRequest(
                0,
                tag.code(),
                current,
                text,
                dry.count() - entering + leaving,
                dry.count(),
                entering,
                leaving,
                "PENDING",
                actor,
                clock.instant(),
                null,
                null,
                null));
    audit.record(actor, "CHANGE_REQUEST", "tag", tag.code(), "request " + id);
    throw new ConflictException(
        "text",
        "Tag '"
            + tag.code()
            + "' is active and its rule changes need approval: your change is waiting as request "
            + id
            + ".");
  }

  /** Requests with this status (PENDING, APPROVED, REJECTED; all when null), newest first. */
  public List<ChangeRequest> list(String status, int limit) {
    return repository.list(status, limit);
  }

  public ChangeRequest get(long id) {
    return repository
        .find(id)
        .orElseThrow(() -> new NotFoundException("No change request with id " + id + "."));
  }

  /**
   * Saves the requested rule in the approver's name and marks the request APPROVED. 409 when it is
   * decided already or the tag's rule has changed since the request (its diff would be wrong).
   */
  public ChangeRequest approve(long id, String approver, String note) {
    ChangeRequest request = pending(id);
    String now = currentText(request.tagCode());
    if (!Objects.equals(now, request.current())) {
      throw new ConflictException(
          "id",
          "The rule of '"
              + request.tagCode()
              + "' has changed since request "
              + id
              + " was made; reject it and ask for a new one.");
    }
    rules.save(request.tagCode(), request.proposed(), approver);
    decide(id, "APPROVED", approver, note);
    return get(id);
  }

  /** Marks the request REJECTED; the rule stays as it is. 409 when decided already. */
  public ChangeRequest reject(long id, String approver, String note) {
    pending(id);
    decide(id, "REJECTED", approver, note);
    return get(id);
  }

  private void decide(long id, String status, String approver, String note) {
    if (!repository.decide(id, status, approver, note, clock.instant())) {
      throw new ConflictException("id", "Change request " + id + " has been decided already.");
    }
    audit.record(approver, "CHANGE_REQUEST_" + status, "change-request", String.valueOf(id), note);
  }

  private ChangeRequest pending(long id) {
    ChangeRequest request = get(id);
    if (!"PENDING".equals(request.status())) {
      throw new ConflictException(
          "id", "Change request " + id + " is " + request.status() + " already.");
    }
    return request;
  }

  private String currentText(String tagCode) {
    try {
      return rules.get(tagCode).text();
    } catch (NotFoundException none) {
      return null;
    }
  }

  /** Whether the caller holds APPROVE; true when there is no caller (work Tagbase does itself). */
  static boolean callerMayApprove() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      return true;
    }
    return auth.getAuthorities().stream()
        .anyMatch(a -> Permission.APPROVE.authority().equals(a.getAuthority()));
  }
}
