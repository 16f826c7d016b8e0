package io.tagbase.privacy;

/**
 * A feature that keeps a customer's data outside the database tables (an in-memory index, files on
 * disk) and removes it when the customer is erased. Called once the database rows are gone and
 * committed; must not fail for a customer it knows nothing of.
 */
public interface ErasureParticipant {

  /** Removes everything this feature holds of the erased customer; returns how much (for audit). */
  int erase(ErasedCustomer customer);

  /**
   * The customer being erased: its database id, external id, and every identifier it was known by
   * (phone, e-mail, identity values), to find it in files.
   */
  record ErasedCustomer(long id, String externalId, java.util.Set<String> identifiers) {}
}
