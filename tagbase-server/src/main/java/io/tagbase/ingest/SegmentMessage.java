package io.tagbase.ingest;

import io.tagbase.customer.Identity;
import io.tagbase.customer.NewCustomer;

/**
 * One checked Segment call: an identify (profile data), an alias (two identities to join), or an
 * event (track, page, screen, group).
 */
sealed interface SegmentMessage {
  record Identify(NewCustomer profile) implements SegmentMessage {}

  record Alias(String previousId, Identity current) implements SegmentMessage {}

  record Event(IncomingEvent event) implements SegmentMessage {}
}
