package io.tagbase.customer;

import java.util.Set;

/**
 * Published when events are recorded, inside the writing transaction; listen after commit to react
 * to what customers did (real-time rule re-evaluation).
 */
public record EventsRecorded(Set<Long> customerIds, Set<String> eventTypes) {}
