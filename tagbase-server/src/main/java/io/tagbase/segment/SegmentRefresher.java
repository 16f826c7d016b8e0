package io.tagbase.segment;

import io.tagbase.customer.CustomerService;
import io.tagbase.customer.CustomersMerged;
import io.tagbase.engine.Condition;
import io.tagbase.tagging.MembershipDiff;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.tagging.MembershipIndexRebuilt;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-evaluates segments: the new members against the stored ones gives who entered and who left (a
 * bitmap difference); the changes, the transitions and the day's size are stored in one
 * transaction, with {@link SegmentMembershipChanged} published inside it; then the index is
 * updated. Dynamic segments are re-evaluated on a schedule ({@code
 * tagbase.segment-refresh-interval}, 5 minutes) and on request. Refreshes run one at a time.
 */
@Service
public class SegmentRefresher {
  private static final Logger log = LoggerFactory.getLogger(SegmentRefresher.class);

  private final JdbcSegmentRepository repository;
  private final SegmentService segments;
  private final MembershipIndex index;
  private final CustomerService customers;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ZoneId zone;

  SegmentRefresher(
      JdbcSegmentRepository repository,
      SegmentService segments,
      MembershipIndex index,
      CustomerService customers,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.repository = repository;
    this.segments = segments;
    this.index = index;
    this.customers = customers;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  /** Evaluates the segment now and stores what changed. 404 for an unknown segment. */
  public synchronized RefreshResult refresh(SegmentDefinition segment) {
    long start = System.nanoTime();
    Condition condition = segments.parse(segment.condition(), "condition");
    MembershipDiff diff = index.diff(segment.indexKey(), condition);
    Map<String, Long> enteredIds = customers.idsOf(diff.entered());
    Map<String, Long> leftIds = customers.idsOf(diff.left());
    var now = clock.instant();
    tx.executeWithoutResult(
        s -> {
          repository.applyRefresh(
              segment.id(),
              new ArrayList<>(enteredIds.values()),
              new ArrayList<>(leftIds.values()),
              diff.size(),
              now,
              LocalDate.ofInstant(now, zone));
          // Inside the transaction, so the automation outbox commits with the transitions.
          if (!diff.entered().isEmpty() || !diff.left().isEmpty()) {
            events.publishEvent(
                new SegmentMembershipChanged(segment.code(), diff.entered(), diff.left(), now));
          }
        });
    index.replace(segment.indexKey(), diff.members());
    return new RefreshResult(
        segment.code(),
        diff.size(),
        diff.entered().size(),
        diff.left().size(),
        (System.nanoTime() - start) / 1000);
  }

  @Scheduled(
      fixedDelayString = "${tagbase.segment-refresh-interval:PT5M}",
      initialDelayString = "PT1M")
  void scheduled() {
    for (SegmentDefinition segment : repository.all()) {
      if (segment.kind() == SegmentKind.DYNAMIC) {
        try {
          refresh(segment);
        } catch (RuntimeException e) {
          log.warn("Segment {} could not be refreshed: {}", segment.code(), e.getMessage());
        }
      }
    }
  }

  /** Puts every segment's stored members back into a freshly built index. */
  @EventListener
  void on(MembershipIndexRebuilt rebuilt) {
    for (SegmentDefinition segment : repository.all()) {
      index.load(segment.indexKey(), repository.memberIds(segment.id()));
    }
  }

  /** A merged-away profile leaves its segments; the next refresh puts the kept one in. */
  @EventListener
  void on(CustomersMerged merged) {
    repository.forgetCustomer(merged.mergedId());
  }

  List<SegmentDefinition> all() {
    return repository.all();
  }
}
