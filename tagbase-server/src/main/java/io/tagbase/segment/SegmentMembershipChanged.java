package io.tagbase.segment;

import java.time.Instant;
import java.util.List;

/**
 * Published after a re-evaluation that changed a segment's members is committed: who entered and
 * who left (external ids). Automations listen to it.
 */
public record SegmentMembershipChanged(
    String segmentCode, List<String> entered, List<String> left, Instant at) {}
