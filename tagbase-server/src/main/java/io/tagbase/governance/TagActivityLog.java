package io.tagbase.governance;

import io.tagbase.taxonomy.TagActivity;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records when tags were last viewed and used, cheaply: a call costs one map lookup per key once
 * the key has been seen that day (the day in UTC, as rule evaluations count days), and the first
 * call of a day for a key queues it. Queued days are written every {@code
 * tagbase.governance.activity-flush} (1 minute), on shutdown and before the findings read them, so
 * each tag gets at most one write per kind per day (after a restart the stored days are read once
 * first). Saved segments and automations are queued by their code and resolved to the tags they
 * read and write (where-used) when written, off the hot path. Thread-safe.
 */
@Service
public class TagActivityLog implements TagActivity {
  private static final Logger log = LoggerFactory.getLogger(TagActivityLog.class);
  private static final String AUTOMATION = "automation:";

  /** A tag's last view and use (either null when never) and the day tracking began for it. */
  public record Activity(LocalDate lastViewed, LocalDate lastUsed, LocalDate trackedFrom) {}

  private final JdbcTagActivity repository;
  private final TagUsages usages;
  private final Clock clock;
  private final Map<String, LocalDate> viewedOn = new ConcurrentHashMap<>();
  private final Map<String, LocalDate> usedOn = new ConcurrentHashMap<>();
  private final Map<String, LocalDate> pendingViews = new ConcurrentHashMap<>();
  private final Map<String, LocalDate> pendingUses = new ConcurrentHashMap<>();
  // the days last written, so a tag reached twice in a day (directly and through a segment) is
  // written once; only touched under the flush lock
  private final Map<String, LocalDate> writtenViews = new HashMap<>();
  private final Map<String, LocalDate> writtenUses = new HashMap<>();
  private volatile boolean loaded;

  private final TransactionTemplate ownTransaction;

  TagActivityLog(
      JdbcTagActivity repository,
      TagUsages usages,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.ownTransaction = new TransactionTemplate(transactions);
    // its own transaction: the findings read inside a read-only one
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.repository = repository;
    this.usages = usages;
    this.clock = clock;
  }

  @Override
  public void viewed(String tagCode) {
    if (tagCode != null) {
      note(tagCode, viewedOn, pendingViews, today());
    }
  }

  @Override
  public void used(Collection<String> indexKeys) {
    LocalDate today = today();
    for (String key : indexKeys) {
      int value = key.indexOf('=');
      note(value < 0 ? key : key.substring(0, value), usedOn, pendingUses, today);
    }
  }

  @Override
  public void automationRan(String automationCode) {
    note(AUTOMATION + automationCode, usedOn, pendingUses, today());
  }

  private static void note(
      String key, Map<String, LocalDate> seen, Map<String, LocalDate> pending, LocalDate today) {
    if (today.equals(seen.get(key))) {
      return; // the hot path: seen today already
    }
    LocalDate before = seen.put(key, today);
    if (before == null || before.isBefore(today)) {
      pending.merge(key, today, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  /** Writes what is queued. */
  @Scheduled(
      fixedDelayString = "${tagbase.governance.activity-flush:PT1M}",
      initialDelayString = "${tagbase.governance.activity-flush:PT1M}")
  public synchronized void flush() {
    ownTransaction.executeWithoutResult(s -> write());
  }

  private void write() {
    if (!loaded) {
      repository
          .all()
          .forEach(
              (code, r) -> {
                if (r.lastViewed() != null) {
                  writtenViews.put(code, r.lastViewed());
                }
                if (r.lastUsed() != null) {
                  writtenUses.put(code, r.lastUsed());
                }
              });
      loaded = true;
    }
    write(drain(pendingViews), writtenViews, "last_viewed");
    write(resolve(drain(pendingUses)), writtenUses, "last_used");
  }

  private void write(Map<String, LocalDate> days, Map<String, LocalDate> written, String column) {
    days.forEach(
        (tag, day) -> {
          LocalDate before = written.get(tag);
          if (before == null || before.isBefore(day)) {
            repository.touch(tag, column, day);
            written.put(tag, day);
          }
        });
  }

  /** Every tag's activity after writing what is queued, by tag code (tags never seen left out). */
  public Map<String, Activity> all() {
    flush();
    Map<String, Activity> out = new HashMap<>();
    repository
        .all()
        .forEach(
            (code, r) ->
                out.put(code, new Activity(r.lastViewed(), r.lastUsed(), r.trackedFrom())));
    return out;
  }

  /** How many keys wait to be written (for tests). */
  int pending() {
    return pendingViews.size() + pendingUses.size();
  }

  @PreDestroy
  void flushOnShutdown() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("Could not write the last tag views and uses on shutdown: {}", e.getMessage());
    }
  }

  private static Map<String, LocalDate> drain(Map<String, LocalDate> pending) {
    Map<String, LocalDate> out = new HashMap<>();
    for (String key : List.copyOf(pending.keySet())) {
      LocalDate day = pending.remove(key);
      if (day != null) {
        out.put(key, day);
      }
    }
    return out;
  }

  /** Segment and automation keys become the tags they read and write (where-used). */
  private Map<String, LocalDate> resolve(Map<String, LocalDate> uses) {
    boolean indirect =
        uses.keySet().stream().anyMatch(k -> k.startsWith("@") || k.startsWith(AUTOMATION));
    if (!indirect) {
      return uses;
    }
    Map<String, Set<String>> tagsOf = new HashMap<>();
    usages
        .all()
        .forEach(
            (tag, list) -> {
              for (Usage u : list) {
                String key =
                    switch (u.kind()) {
                      case "SEGMENT" -> "@" + u.code();
                      case "AUTOMATION" -> AUTOMATION + u.code();
                      default -> null;
                    };
                if (key != null) {
                  tagsOf.computeIfAbsent(key, k -> new HashSet<>()).add(tag);
                }
              }
            });
    Map<String, LocalDate> out = new HashMap<>();
    uses.forEach(
        (key, day) -> {
          if (key.startsWith("@") || key.startsWith(AUTOMATION)) {
            for (String tag : tagsOf.getOrDefault(key, Set.of())) {
              out.merge(tag, day, (a, b) -> a.isAfter(b) ? a : b);
            }
          } else {
            out.merge(key, day, (a, b) -> a.isAfter(b) ? a : b);
          }
        });
    return out;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
