package io.tagbase.customer;

/** Published after a new customer is committed, so derived indexes can take it in. */
public record CustomerCreated(long id, String externalId) {}
