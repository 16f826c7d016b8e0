package io.tagbase.analytics;

import io.tagbase.privacy.ErasureParticipant;
import org.springframework.stereotype.Component;

/**
 * Erasure clears the customer's bit from every stored member snapshot: its database id stays out of
 * every bitmap kept on disk, and is never paired with the index again.
 */
@Component
class MemberSnapshotErasure implements ErasureParticipant {
  private final MemberSnapshots snapshots;

  MemberSnapshotErasure(MemberSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public int erase(ErasedCustomer customer) {
    return snapshots.erase(customer.id());
  }
}
