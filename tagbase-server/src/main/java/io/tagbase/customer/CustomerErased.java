package io.tagbase.customer;

/** Published after a customer is deleted (merged away or erased), so indexes drop it. */
public record CustomerErased(long id, String externalId) {}
