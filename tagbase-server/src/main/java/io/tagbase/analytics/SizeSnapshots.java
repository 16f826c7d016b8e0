package io.tagbase.analytics;

import io.tagbase.engine.TagCoverage;
import io.tagbase.tagging.MembershipIndex;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily snapshots of the size of every key in the membership index: every tag, every value of a
 * layered tag and every saved segment, with the live population. Taken once a day ({@code
 * tagbase.analytics.snapshot-cron}, 23:50 in {@code tagbase.zone}) and at start-up when today has
 * none; taking a day again replaces it. Kept for ever: one row per key per day. Each snapshot also
 * stores who held each tag that day ({@link MemberSnapshots}, kept for a limited time).
 *
 * <p>Cost: one live-count per key in the index (microseconds each, memory-bound) and one batched
 * insert; at 10M customers and 1,000 keys well under a second.
 */
@Service
public class SizeSnapshots {
  private static final Logger log = LoggerFactory.getLogger(SizeSnapshots.class);

  private final MembershipIndex index;
  private final JdbcAnalyticsRepository repository;
  private final MemberSnapshots members;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ZoneId zone;

  SizeSnapshots(
      MembershipIndex index,
      JdbcAnalyticsRepository repository,
      MemberSnapshots members,
      TransactionTemplate tx,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.index = index;
    this.repository = repository;
    this.members = members;
    this.tx = tx;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  /** Today in the business's time zone: the day a snapshot taken now is filed under. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  /** The zone days are counted in. */
  public ZoneId zone() {
    return zone;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStartUp() {
    if (!repository.hasSnapshot(today())) {
      take();
    }
  }

  @Scheduled(
      cron = "${tagbase.analytics.snapshot-cron:0 50 23 * * *}",
      zone = "${tagbase.zone:Asia/Shanghai}")
  void daily() {
    take();
  }

  /** Takes (or retakes) today's snapshot from the index as it is now; returns the keys' sizes. */
  public Map<String, Long> take() {
    long start = System.nanoTime();
    LocalDate day = today();
    long[] population = new long[1];
    Map<String, Long> sizes =
        index.withIndex(
            (dictionary, tags) -> {
              List<String> keys = new ArrayList<>(tags.tags());
              keys.sort(null);
              long[] counts = new TagCoverage(tags, dictionary).counts(keys);
              Map<String, Long> byKey = new LinkedHashMap<>();
              for (int i = 0; i < keys.size(); i++) {
                byKey.put(keys.get(i), counts[i]);
              }
              population[0] = dictionary.size();
              return byKey;
            });
    Instant at = clock.instant();
    tx.executeWithoutResult(s -> repository.replaceSnapshot(day, population[0], sizes, at));
    log.info(
        "Size snapshot for {}: {} keys in {} ms",
        day,
        sizes.size(),
        (System.nanoTime() - start) / 1_000_000);
    members.take(day, at);
    return sizes;
  }
}
