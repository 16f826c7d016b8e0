package io.tagbase.customer;

import java.time.Instant;

/** One entry of a profile's history: an identity added, a merge, attributes changed. */
public record ProfileChange(String kind, String detail, String actor, Instant at) {}
