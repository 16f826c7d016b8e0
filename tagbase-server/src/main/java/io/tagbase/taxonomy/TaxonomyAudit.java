package io.tagbase.taxonomy;

import io.tagbase.privacy.AuditLog;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Puts every committed change of a tag definition on the audit log. */
@Component
class TaxonomyAudit {
  private final AuditLog audit;

  TaxonomyAudit(AuditLog audit) {
    this.audit = audit;
  }

  @TransactionalEventListener
  void on(TagDefinitionChanged changed) {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    audit.record(
        authentication == null ? "system" : authentication.getName(),
        "TAG_" + changed.change(),
        "tag",
        changed.code(),
        "version " + changed.version() + ", status " + changed.status());
  }
}
