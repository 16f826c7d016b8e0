package io.tagbase.customer;

import java.util.Set;

/**
 * Published inside a transaction that wrote customers' built-in fields or custom values (create,
 * update, upsert, import, identify, merge), naming the customers by database id. Listeners keeping
 * attributes in memory re-read just those customers once the transaction has committed; a rolled
 * back write publishes nothing that reaches them. Erasure is {@link CustomerErased}.
 */
public record CustomerAttributesChanged(Set<Long> customerIds) {
  public CustomerAttributesChanged {
    customerIds = Set.copyOf(customerIds);
  }

  public static CustomerAttributesChanged of(long customerId) {
    return new CustomerAttributesChanged(Set.of(customerId));
  }
}
