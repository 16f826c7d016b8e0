package io.tagbase.tagging;

import io.tagbase.privacy.ErasureParticipant;
import org.springframework.stereotype.Component;

/** Erasure drops the customer from every bitmap and leaves a hole in the dictionary. */
@Component
class IndexErasure implements ErasureParticipant {
  private final MembershipIndex index;

  IndexErasure(MembershipIndex index) {
    this.index = index;
  }

  @Override
  public int erase(ErasedCustomer customer) {
    boolean known = !index.tagsOf(customer.externalId()).isEmpty();
    index.erased(customer.externalId());
    return known ? 1 : 0;
  }
}
