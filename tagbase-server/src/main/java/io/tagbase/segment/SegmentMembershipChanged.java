package io.tagbase.segment;

import java.time.Instant;
import java.util.List;

/**
 * Published synchronously inside the transaction of a re-evaluation that changed a segment's
 * members: who entered and who left (external ids). Automations listen to it and write their outbox
 * in that transaction; a listener that must see committed data registers for after commit.
 */
public record SegmentMembershipChanged(
    String segmentCode, List<String> entered, List<String> left, Instant at) {}
