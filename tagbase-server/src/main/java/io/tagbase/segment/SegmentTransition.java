package io.tagbase.segment;

import java.time.Instant;

/** A customer entered or left a segment at a re-evaluation. */
public record SegmentTransition(String customerExternalId, String action, Instant at) {}
