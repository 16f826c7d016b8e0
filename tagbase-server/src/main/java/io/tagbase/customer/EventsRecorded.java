package io.tagbase.customer;

import java.util.Set;

/**
 * Published when events are recorded, inside the writing transaction; listen after commit to react
 * to what customers did (real-time rule re-evaluation), or inside it to write an outbox
 * (automations); {@code typesByCustomer} says which customer did what.
 */
public record EventsRecorded(
    Set<Long> customerIds,
    Set<String> eventTypes,
    java.util.Map<Long, Set<String>> typesByCustomer) {}
