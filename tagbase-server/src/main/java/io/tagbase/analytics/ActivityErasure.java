package io.tagbase.analytics;

import io.tagbase.privacy.ErasureParticipant;
import org.springframework.stereotype.Component;

/**
 * Erasure removes the customer's database id from every day of the in-memory activity days and
 * keeps it out of them for good (a backfill page read before the erasure cannot bring it back).
 */
@Component
class ActivityErasure implements ErasureParticipant {
  private final EventActivity activity;

  ActivityErasure(EventActivity activity) {
    this.activity = activity;
  }

  @Override
  public int erase(ErasedCustomer customer) {
    return activity.forget(customer.id());
  }
}
