package io.tagbase.governance;

import io.tagbase.privacy.AuditLog;
import io.tagbase.rules.RuleService;
import io.tagbase.rules.TagRule;
import io.tagbase.rules.TagTemplate;
import io.tagbase.rules.TemplateService;
import io.tagbase.security.Permission;
import io.tagbase.taxonomy.TagEditor;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ChangeAwaitsApproval;
import io.tagbase.web.ConflictException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval workflow for changes to active tags' definitions: their rules, template settings and
 * the fields that change their meaning ({@link ChangeGates} decides what is stopped). A stopped
 * change is kept as a pending {@link ChangeRequest} (in its own transaction, so it stays when the
 * change's transaction rolls back) and the change answers {@link ChangeAwaitsApproval} (202 over
 * the API). An approver accepts it, which makes the change in the approver's name through the same
 * service the direct path uses (same checks, audit, versions and evaluation), or rejects it, which
 * changes nothing. Work without a caller (scheduled jobs, start-up, merges) is not gated.
 */
@Service
public class Approvals {
  private final JdbcChangeRequests repository;
  private final RuleService rules;
  private final TemplateService templates;
  private final TagEditor editor;
  private final TaxonomyService taxonomy;
  private final AuditLog audit;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  Approvals(
      JdbcChangeRequests repository,
      RuleService rules,
      TemplateService templates,
      TagEditor editor,
      TaxonomyService taxonomy,
      AuditLog audit,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.repository = repository;
    this.rules = rules;
    this.templates = templates;
    this.editor = editor;
    this.taxonomy = taxonomy;
    this.audit = audit;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Keeps the request (requestedAt now) and throws {@link ChangeAwaitsApproval} naming it. */
  void submit(ChangeRequest r) {
    Long id =
        ownTransaction.execute(
            s ->
                repository.insert(
                    new ChangeRequest(
                        0,
                        r.tagCode(),
                        r.kind(),
                        r.program(),
                        r.current(),
                        r.proposed(),
                        r.membersNow(),
                        r.membersThen(),
                        r.entering(),
                        r.leaving(),
                        r.effect(),
                        r.baseVersion(),
                        "PENDING",
                        r.requestedBy(),
                        clock.instant(),
                        null,
                        null,
                        null)));
    audit.record(
        r.requestedBy(), "CHANGE_REQUEST", "tag", r.tagCode(), r.kind() + " request " + id);
    throw new ChangeAwaitsApproval(
        id,
        r.tagCode(),
        "/api/v1/governance/approvals/" + id,
        "governance.approvals.submitted",
        "Tag '"
            + r.tagCode()
            + "' is active and changes to its "
            + r.kind().toLowerCase(Locale.ROOT)
            + " need approval: your change is waiting as request "
            + id
            + ".");
  }

  /** Requests with this status (PENDING, APPROVED, REJECTED; all when null), newest first. */
  public List<ChangeRequest> list(String status, int limit) {
    return repository.list(status, limit);
  }

  /** The tag's requests waiting for a decision, oldest first. */
  public List<ChangeRequest> pending(String tagCode) {
    return repository.pending(tagCode);
  }

  public ChangeRequest get(long id) {
    return repository
        .find(id)
        .orElseThrow(() -> new NotFoundException("No change request with id " + id + "."));
  }

  /**
   * Makes the requested change in the approver's name, as the direct path would, and marks the
   * request APPROVED. 409 when it is decided already or the tag has changed since the request (its
   * diff would be wrong); a change the tag's checks now refuse leaves the request pending.
   */
  public ChangeRequest approve(long id, String approver, String note) {
    ChangeRequest request = pending(id);
    String code = request.tagCode();
    switch (request.kind()) {
      case "TEMPLATE" -> {
        unchanged(request, TemplateText.of(stored(code)));
        templates.save(code, TagTemplate.read(request.program(), request.proposed()), approver);
      }
      case "DEFINITION" -> {
        unchanged(request, taxonomy.get(code).version(), request.baseVersion());
        editor.update(
            code, DefinitionJson.update(request.proposed(), request.baseVersion()), approver);
      }
      default -> {
        TagRule stored = stored(code);
        unchanged(request, stored == null ? null : stored.text());
        rules.save(code, request.proposed(), approver);
      }
    }
    decide(id, "APPROVED", approver, note);
    return get(id);
  }

  /** Marks the request REJECTED; the tag stays as it is. 409 when decided already. */
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

  private static void unchanged(ChangeRequest request, Object now, Object then) {
    if (!Objects.equals(now, then)) {
      throw new ConflictException(
          "id",
          "The "
              + request.kind().toLowerCase(Locale.ROOT)
              + " of '"
              + request.tagCode()
              + "' has changed since request "
              + request.id()
              + " was made; reject it and ask for a new one.");
    }
  }

  private static void unchanged(ChangeRequest request, String now) {
    unchanged(request, now, request.current());
  }

  private TagRule stored(String tagCode) {
    try {
      return rules.get(tagCode);
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

  /** The caller's name, or "system" for work Tagbase does itself. */
  static String callerName() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? "system" : auth.getName();
  }
}
