package io.tagbase.tagging;

import io.tagbase.customer.CustomerAttributesChanged;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects the customers whose attributes a transaction changed and, once it has committed, has the
 * index re-read them all at once: one re-read per transaction however many writes it made (an
 * import batch, a batch upsert). A rolled back transaction re-reads nothing. Outside a transaction
 * the change is applied at once.
 */
@Component
class AttributeChanges {
  private static final Logger log = LoggerFactory.getLogger(AttributeChanges.class);

  private final MembershipIndex index;

  AttributeChanges(MembershipIndex index) {
    this.index = index;
  }

  @EventListener
  void on(CustomerAttributesChanged changed) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      refresh(changed.customerIds());
      return;
    }
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof Pending pending && pending.owner == this) {
        pending.customerIds.addAll(changed.customerIds());
        return;
      }
    }
    Pending pending = new Pending(this);
    pending.customerIds.addAll(changed.customerIds());
    TransactionSynchronizationManager.registerSynchronization(pending);
  }

  private void refresh(Set<Long> customerIds) {
    try {
      index.attributesChanged(customerIds);
    } catch (RuntimeException e) {
      // The write is committed; a failed re-read must not fail it. The columns catch up with these
      // customers at their next write or the next rebuild.
      log.error("Attribute columns not updated for {} customers", customerIds.size(), e);
    }
  }

  /** The customers one transaction changed; belongs to that transaction's synchronizations. */
  private static final class Pending implements TransactionSynchronization {
    final AttributeChanges owner;
    final Set<Long> customerIds = new HashSet<>();

    Pending(AttributeChanges owner) {
      this.owner = owner;
    }

    @Override
    public void afterCommit() {
      owner.refresh(customerIds);
    }
  }
}
