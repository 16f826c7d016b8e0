package io.tagbase.ingest;

import io.tagbase.customer.CustomerProfiles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies checked Segment messages in order, in one transaction: identifies and aliases at once,
 * events gathered and written in batches between them. The call is acknowledged only after commit.
 */
@Service
class SegmentIngest {
  private final CustomerProfiles profiles;
  private final EventIngest events;

  SegmentIngest(CustomerProfiles profiles, EventIngest events) {
    this.profiles = profiles;
    this.events = events;
  }

  @Transactional
  IngestResult apply(List<SegmentMessage> messages, String actor) {
    List<IncomingEvent> pending = new ArrayList<>();
    int accepted = 0;
    int duplicates = 0;
    for (SegmentMessage message : messages) {
      if (message instanceof SegmentMessage.Event e) {
        pending.add(e.event());
        continue;
      }
      IngestResult flushed = flush(pending, actor);
      accepted += flushed.accepted();
      duplicates += flushed.duplicates();
      if (message instanceof SegmentMessage.Identify identify) {
        profiles.upsert(identify.profile(), actor, false);
      } else if (message instanceof SegmentMessage.Alias alias) {
        profiles.alias(alias.previousId(), alias.current(), actor);
      }
      accepted++;
    }
    IngestResult flushed = flush(pending, actor);
    return new IngestResult(accepted + flushed.accepted(), duplicates + flushed.duplicates());
  }

  private IngestResult flush(List<IncomingEvent> pending, String actor) {
    if (pending.isEmpty()) {
      return new IngestResult(0, 0);
    }
    IngestResult result = events.ingest(List.copyOf(pending), actor);
    pending.clear();
    return result;
  }
}
