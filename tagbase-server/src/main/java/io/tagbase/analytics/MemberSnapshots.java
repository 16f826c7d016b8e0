package io.tagbase.analytics;

import io.tagbase.tagging.TagKeys;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TaxonomyService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who held each tag on a day, kept as bitmaps of database customer ids next to the daily size
 * snapshot: each value of a layered tag, and each flag tag unless {@code
 * tagbase.analytics.members.tags=layered}. A flow between two dates and the holders at a conversion
 * window's start are then bitmap counts instead of a replay of tag_history.
 *
 * <p>Retention: every day for {@code tagbase.analytics.members.daily-days} (90), then the last
 * stored day of each month for {@code tagbase.analytics.members.monthly-months} (24); older days
 * are deleted after each snapshot. Days before this existed have no members: figures fall back to
 * the history there.
 *
 * <p>Erasure clears the customer's bit from every stored set ({@link #erase}); a snapshot and an
 * erasure never interleave, so an erased customer cannot be written back by a snapshot that read
 * the index just before.
 *
 * <p>Cost of a snapshot: one pass over every stored tag's members, one tag at a time under the
 * index's read lock (writers wait for one tag: about 0.2 s for a five-value tag at 10M customers),
 * then one batched insert of chunks of at most 8 KB; about 4 s of work for 200 tags at 10M
 * customers plus the insert (see docs/benchmark.md). Thread-safe.
 */
@Service
class MemberSnapshots {
  private static final Logger log = LoggerFactory.getLogger(MemberSnapshots.class);

  private final CustomerIdBridge bridge;
  private final TaxonomyService taxonomy;
  private final JdbcMemberRepository repository;
  private final TransactionTemplate tx;
  private final boolean flags;
  private final int dailyDays;
  private final int monthlyMonths;
  private final ReentrantLock writing = new ReentrantLock();

  MemberSnapshots(
      CustomerIdBridge bridge,
      TaxonomyService taxonomy,
      JdbcMemberRepository repository,
      TransactionTemplate tx,
      @Value("${tagbase.analytics.members.tags:all}") String tags,
      @Value("${tagbase.analytics.members.daily-days:90}") int dailyDays,
      @Value("${tagbase.analytics.members.monthly-months:24}") int monthlyMonths) {
    this.bridge = bridge;
    this.taxonomy = taxonomy;
    this.repository = repository;
    this.tx = tx;
    this.flags = !"layered".equals(tags);
    this.dailyDays = dailyDays;
    this.monthlyMonths = monthlyMonths;
  }

  /**
   * A tag's stored members on a day: by value code ('' for a flag tag), and when they were taken.
   */
  record StoredDay(Instant takenAt, Map<String, RoaringBitmap> members) {

    /** The holders of {@code value}; empty if nobody held it. */
    RoaringBitmap of(String value) {
      return members.getOrDefault(value, new RoaringBitmap());
    }

    /** Holders of any value: the tag's holders. */
    RoaringBitmap holders() {
      return RoaringBitmap.or(members.values().iterator());
    }
  }

  /** Stores the day's members of every tag from the index as it is now, then prunes old days. */
  void take(LocalDate day, Instant at) {
    long start = System.nanoTime();
    List<TagDefinition> tags = taxonomy.tags().stream().filter(t -> flags || t.layered()).toList();
    writing.lock();
    int rows;
    try {
      List<JdbcMemberRepository.Chunk> chunks = new ArrayList<>();
      for (TagDefinition tag : tags) {
        // one tag at a time under the index's lock: its values are one consistent partition, and
        // writers wait for one tag (~0.2 s at 10M customers), not for all of them
        Map<String, RoaringBitmap> members =
            bridge.withIds(
                (dictionary, index, ids) -> {
                  Map<String, RoaringBitmap> byValue = new LinkedHashMap<>();
                  if (tag.layered()) {
                    for (TagValue value : tag.values()) {
                      byValue.put(
                          value.code(), ids.toStored(index, TagKeys.of(tag.code(), value.code())));
                    }
                  } else {
                    byValue.put("", ids.toStored(index, tag.code()));
                  }
                  return byValue;
                });
        members.forEach(
            (value, ids) -> chunks.addAll(JdbcMemberRepository.chunks(tag.id(), value, ids)));
      }
      rows = chunks.size();
      List<Long> tagIds = tags.stream().map(TagDefinition::id).toList();
      tx.executeWithoutResult(s -> repository.replace(day, at, tagIds, chunks));
    } finally {
      writing.unlock();
    }
    int pruned = prune(day);
    log.info(
        "Member snapshot for {}: {} tags, {} chunks in {} ms; {} old days pruned",
        day,
        tags.size(),
        rows,
        (System.nanoTime() - start) / 1_000_000,
        pruned);
  }

  /** The tag's members stored for the day, if they were. */
  Optional<StoredDay> day(TagDefinition tag, LocalDate day) {
    return repository
        .takenAt(tag.id(), day)
        .map(at -> new StoredDay(at, repository.members(tag.id(), day)));
  }

  /** Clears the customer from every stored day; returns the chunks rewritten. */
  int erase(long customerId) {
    writing.lock();
    try {
      bridge.forget(customerId);
      if (customerId > Integer.MAX_VALUE) {
        return 0; // never stored: see CustomerIdBridge
      }
      Integer changed = tx.execute(s -> repository.erase((int) customerId));
      return changed == null ? 0 : changed;
    } finally {
      writing.unlock();
    }
  }

  /** Deletes the days outside the retention; returns how many. */
  int prune(LocalDate today) {
    List<LocalDate> days = repository.days();
    Map<YearMonth, LocalDate> monthEnds = new HashMap<>();
    for (LocalDate day : days) {
      monthEnds.merge(YearMonth.from(day), day, (a, b) -> a.isAfter(b) ? a : b);
    }
    LocalDate dailyFrom = today.minusDays(dailyDays - 1L);
    YearMonth monthlyFrom = YearMonth.from(today).minusMonths(monthlyMonths);
    List<LocalDate> expired = new ArrayList<>();
    for (LocalDate day : days) {
      boolean daily = !day.isBefore(dailyFrom);
      boolean monthEnd =
          day.equals(monthEnds.get(YearMonth.from(day)))
              && YearMonth.from(day).isAfter(monthlyFrom);
      if (!daily && !monthEnd) {
        expired.add(day);
      }
    }
    if (!expired.isEmpty()) {
      tx.executeWithoutResult(s -> expired.forEach(repository::deleteDay));
    }
    return expired.size();
  }
}
