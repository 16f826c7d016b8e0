package io.tagbase.analytics;

import io.tagbase.engine.ChunkDeltas;
import io.tagbase.tagging.TagKeys;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TaxonomyService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
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
 * <p>Storage: a chunk (65,536 ids) gets a row only on a day it changed since the tag's previous
 * stored day, holding the ids that joined or left, or the whole chunk when that is smaller than the
 * changes since its last full row ({@link ChunkDeltas}); a day reads back from each chunk's newest
 * full row at or before it and the changes after. Pruning a day carries what later days rely on
 * forward into the tag's next stored day ({@link #prune}).
 *
 * <p>Erasure clears the customer's bit from every stored row ({@link #erase}), so from every day; a
 * snapshot, a pruning and an erasure never interleave, so an erased customer cannot be written back
 * by a snapshot that read the index just before.
 *
 * <p>Cost of a snapshot: one pass over every stored tag's members, one tag at a time under the
 * index's read lock (writers wait for one tag: about 0.2 s for a five-value tag at 10M customers),
 * plus a read of the tag's previous stored day, then one batched insert of the changed chunks (see
 * docs/analytics.md for sizes). Thread-safe.
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
    take(day, at, taxonomy.tags().stream().filter(t -> flags || t.layered()).toList());
  }

  /** Stores the day's members of {@code tags} from the index as it is now, then prunes old days. */
  void take(LocalDate day, Instant at, List<TagDefinition> tags) {
    long start = System.nanoTime();
    writing.lock();
    int rows;
    long bytes;
    int pruned;
    try {
      List<MemberChunks.Chunk> chunks = new ArrayList<>();
      Map<LocalDate, List<MemberChunks.Chunk>> later = new HashMap<>();
      Map<LocalDate, List<Long>> laterTags = new HashMap<>();
      for (TagDefinition tag : tags) {
        // one tag at a time under the index's lock: its values are one consistent partition, and
        // writers wait for one tag (~0.2 s at 10M customers), not for all of them
        Map<MemberChunks.Key, RoaringBitmap> now =
            bridge.withIds(
                (dictionary, index, ids) -> {
                  Map<MemberChunks.Key, RoaringBitmap> byChunk = new HashMap<>();
                  if (tag.layered()) {
                    for (TagValue value : tag.values()) {
                      byChunk.putAll(
                          MemberChunks.chunksOf(
                              value.code(),
                              ids.toStored(index, TagKeys.of(tag.code(), value.code()))));
                    }
                  } else {
                    byChunk.putAll(MemberChunks.chunksOf("", ids.toStored(index, tag.code())));
                  }
                  return byChunk;
                });
        // only the chunks that changed since the tag's previous stored day
        Map<MemberChunks.Key, ChunkDeltas.State> before =
            repository
                .storedBefore(tag.id(), day)
                .map(d -> repository.state(tag.id(), d))
                .orElse(Map.of());
        List<MemberChunks.Chunk> changed = MemberChunks.deltas(tag.id(), before, now);
        chunks.addAll(changed);
        Optional<LocalDate> next = repository.storedAfter(tag.id(), day);
        if (next.isPresent()) {
          // a later day exists (the clock went back): its rows were changes from this day as it
          // was, so they are written again as changes from this day as it is now
          Map<MemberChunks.Key, RoaringBitmap> nextIds = new HashMap<>();
          repository.state(tag.id(), next.get()).forEach((k, v) -> nextIds.put(k, v.ids()));
          later
              .computeIfAbsent(next.get(), d -> new ArrayList<>())
              .addAll(MemberChunks.deltas(tag.id(), MemberChunks.after(before, changed), nextIds));
          laterTags.computeIfAbsent(next.get(), d -> new ArrayList<>()).add(tag.id());
        }
      }
      rows = chunks.size();
      bytes = chunks.stream().mapToLong(c -> c.row().bytes().length).sum();
      List<Long> tagIds = tags.stream().map(TagDefinition::id).toList();
      tx.executeWithoutResult(
          s -> {
            repository.replace(day, at, tagIds, chunks);
            later.forEach((d, rewritten) -> repository.rewrite(d, laterTags.get(d), rewritten));
          });
      pruned = prune(day);
    } finally {
      writing.unlock();
    }
    log.info(
        "Member snapshot for {}: {} tags, {} changed chunks ({} bytes) in {} ms; {} old days pruned",
        day,
        tags.size(),
        rows,
        bytes,
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

  /**
   * Deletes the days outside the retention, oldest first; returns how many. What a later kept day
   * relies on is carried forward into the tag's next stored day, so the oldest kept day ends up
   * holding every chunk it needs ({@link JdbcMemberRepository#dropDay}).
   */
  int prune(LocalDate today) {
    writing.lock();
    try {
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
      for (LocalDate day : expired) {
        // one transaction per day and tag: at most two days of one tag's rows in memory
        for (long tagId : repository.tagsOn(day)) {
          tx.executeWithoutResult(s -> repository.dropDay(tagId, day));
        }
      }
      return expired.size();
    } finally {
      writing.unlock();
    }
  }
}
