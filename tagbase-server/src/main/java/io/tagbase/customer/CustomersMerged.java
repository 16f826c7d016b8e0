package io.tagbase.customer;

/**
 * Published inside the transaction that merges two profiles, before the merged one is deleted, so
 * features holding per-customer data move it to the kept profile in the same transaction.
 */
public record CustomersMerged(
    long keptId, String keptExternalId, long mergedId, String mergedExternalId) {}
