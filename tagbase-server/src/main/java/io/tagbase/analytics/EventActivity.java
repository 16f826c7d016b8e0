package io.tagbase.analytics;

import io.tagbase.customer.CustomersMerged;
import io.tagbase.customer.EventProperties;
import io.tagbase.customer.EventsRecorded;
import io.tagbase.customer.NewEvent;
import io.tagbase.engine.ActivityDays;
import io.tagbase.engine.StoredIds;
import io.tagbase.engine.rule.EventDays;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who did which event on which day, in memory ({@link ActivityDays}: per event type and day of
 * {@code tagbase.zone}, the database ids of the customers with such an event that day), so
 * conversion's converters are a union of day sets instead of a scan of the event log.
 *
 * <p>Kept for the last {@code tagbase.analytics.activity-days} days (90; 0 turns it off) counting
 * today: filled at start-up by a background backfill (after the app is ready, outside any lock: one
 * pass over customer_event's rows of those days in pages of {@value #PAGE} by event id), kept
 * current after each commit of recorded events (never for a write that rolled back), and cut to the
 * window each night. Adding is idempotent (by event id for the tallies of counts and amounts), so a
 * backfill overlapping live updates is harmless. It {@linkplain #converters answers} only once the
 * backfill is done and for windows starting inside the retention; otherwise conversion asks the
 * database, and the figure says which answered.
 *
 * <p>For the last {@code tagbase.analytics.event-days} days (35; at most the retention; 0 keeps
 * none) the events themselves are kept too, with their properties as the rules read them, so a
 * segment's filtered or averaged clause over those days reads memory ({@link #holdsEvents}).
 *
 * <p>Erasure {@linkplain #forget forgets} a customer's id in every day (and keeps it out of later
 * backfill pages); a merge gives the merged profile's days to the kept one, as the database moves
 * its events.
 *
 * <p>Cost: about 2 bytes per customer-day while a day is sparse (under 1 in 16 customers); at 10M
 * customers with 1M events a day ~60 MB for 30 days (see docs/analytics.md). Thread-safe; the days'
 * lock is a leaf, taken and released before the index's read lock when conversion counts.
 */
@Component
class EventActivity {
  static final String ACTIVITY = "activity";
  static final String EVENTS = "events";

  private static final Logger log = LoggerFactory.getLogger(EventActivity.class);

  /** Events read per backfill query: a few MB per page, whatever the table's size. */
  static final int PAGE = 50_000;

  private final JdbcAnalyticsRepository repository;
  private final Clock clock;
  private final ZoneId zone;
  private final int retentionDays;
  private final int eventDays;
  private final boolean allTime; // older events summed up per customer too
  private final ActivityDays days = new ActivityDays();
  private final AtomicBoolean backfilling = new AtomicBoolean();
  private volatile boolean ready;
  private int missed; // guarded by this: updates lost to a failure, so far
  private volatile int coveredFrom = Integer.MAX_VALUE; // first epoch day the days hold in full

  EventActivity(
      JdbcAnalyticsRepository repository,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone,
      @Value("${tagbase.analytics.activity-days:90}") int retentionDays,
      @Value("${tagbase.analytics.event-days:35}") int eventDays,
      @Value("${tagbase.analytics.all-time:true}") boolean allTime) {
    if (retentionDays < 0) {
      throw new IllegalArgumentException(
          "tagbase.analytics.activity-days must be 0 (off) or a number of days: " + retentionDays);
    }
    if (eventDays < 0) {
      throw new IllegalArgumentException(
          "tagbase.analytics.event-days must be 0 (off) or a number of days: " + eventDays);
    }
    this.repository = repository;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
    this.retentionDays = retentionDays;
    this.eventDays = Math.min(eventDays, retentionDays); // events are kept only on kept days
    this.allTime = allTime && retentionDays > 0;
  }

  /** Starts the backfill in the background once the application is ready. */
  @EventListener(ApplicationReadyEvent.class)
  void atStartUp() {
    startBackfill();
  }

  /** Starts a backfill on its own thread unless one runs or the feature is off. */
  void startBackfill() {
    if (retentionDays > 0 && backfilling.compareAndSet(false, true)) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  backfill();
                } catch (RuntimeException e) {
                  log.error("Activity days backfill failed; conversion reads the event log", e);
                } finally {
                  backfilling.set(false);
                }
              },
              "tagbase-activity-backfill");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Reads the retention's events into the days, page by page (each page added under the days' lock
   * for a few milliseconds), then answers from memory. Returns how many events were read.
   */
  long backfill() {
    while (true) {
      int missedBefore;
      synchronized (this) {
        missedBefore = missed;
      }
      long read = readRetention();
      synchronized (this) {
        if (missed == missedBefore) { // no update was lost while reading: the days are complete
          ready = true;
          return read;
        }
      }
    }
  }

  private long readRetention() {
    long start = System.nanoTime();
    int first = retentionStart();
    int eventsFirst = eventsStart();
    Instant from = LocalDate.ofEpochDay(first).atStartOfDay(zone).toInstant();
    Instant propertiesFrom = // without kept events: from tomorrow, so no event's are read
        LocalDate.ofEpochDay(Math.min(eventsFirst, first + retentionDays))
            .atStartOfDay(zone)
            .toInstant();
    long read = 0;
    long after = 0;
    while (true) {
      List<JdbcAnalyticsRepository.EventTrace> page =
          repository.eventsAfter(after, allTime ? null : from, propertiesFrom, PAGE);
      if (page.isEmpty()) {
        break;
      }
      List<ActivityDays.Activity> activities = new ArrayList<>(page.size());
      List<ActivityDays.Activity> earlier = new ArrayList<>();
      for (JdbcAnalyticsRepository.EventTrace e : page) {
        add(activities, earlier, e, first, eventsFirst);
      }
      days.addAll(activities);
      days.addEarlier(earlier);
      read += page.size();
      after = page.get(page.size() - 1).id();
    }
    days.trim();
    coveredFrom = first;
    log.info(
        "Activity days from {}: {} events read, {} day sets, {} bytes, tallies {} bytes, events"
            + " from {} {} bytes, earlier events summed up {} bytes, in {} ms",
        LocalDate.ofEpochDay(first),
        read,
        days.sets(),
        days.serializedSizeInBytes(),
        days.tallyBytes(),
        LocalDate.ofEpochDay(eventsFirst),
        days.eventBytes(),
        days.earlierBytes(),
        (System.nanoTime() - start) / 1_000_000);
    return read;
  }

  /** Adds the committed events; a write that rolled back never gets here. */
  @TransactionalEventListener(fallbackExecution = true)
  void on(EventsRecorded recorded) {
    if (retentionDays == 0) {
      return;
    }
    try {
      int first = retentionStart();
      int eventsFirst = eventsStart();
      List<ActivityDays.Activity> activities = new ArrayList<>(recorded.events().size());
      List<ActivityDays.Activity> earlier = new ArrayList<>();
      List<NewEvent> stored = recorded.events();
      long[] ids = recorded.eventIds();
      for (int i = 0; i < stored.size(); i++) {
        NewEvent e = stored.get(i);
        add(
            activities,
            earlier,
            new JdbcAnalyticsRepository.EventTrace(
                ids[i],
                e.customerId(),
                e.type(),
                e.occurredAt(),
                e.orderId(),
                e.amount(),
                e.properties()),
            first,
            eventsFirst);
      }
      days.addAll(activities);
      days.addEarlier(earlier);
    } catch (RuntimeException e) {
      // the days may now miss these events: read the log until a new backfill has them
      synchronized (this) {
        missed++;
        ready = false;
      }
      log.error("Activity days missed recorded events; backfilling again", e);
      startBackfill();
    }
  }

  /** The merged profile's events now belong to the kept one; so do its days. */
  @TransactionalEventListener(fallbackExecution = true)
  void on(CustomersMerged merged) {
    if (merged.mergedId() <= Integer.MAX_VALUE && merged.keptId() <= Integer.MAX_VALUE) {
      days.move((int) merged.mergedId(), (int) merged.keptId());
    }
  }

  /** Drops the days that left the retention (five past midnight in {@code tagbase.zone}). */
  @Scheduled(cron = "0 5 0 * * *", zone = "${tagbase.zone:Asia/Shanghai}")
  void prune() {
    int first = retentionStart();
    int dropped = days.dropBefore(first, allTime);
    days.dropEventsBefore(eventsStart());
    days.trim(); // yesterday's events in stored id order, for fast passes
    coveredFrom = Math.max(coveredFrom, first);
    log.info(
        "Activity days before {} dropped: {} day sets; {} kept, {} bytes",
        LocalDate.ofEpochDay(first),
        dropped,
        days.sets(),
        days.serializedSizeInBytes());
  }

  /** Removes an erased customer from every day, for good; returns how many day sets held it. */
  int forget(long customerId) {
    return customerId > Integer.MAX_VALUE ? 0 : days.forget((int) customerId);
  }

  /**
   * The database ids of the customers with an event of {@code type} in the {@code length} days from
   * {@code fromDay}, when the days can say: the backfill is done and {@code fromDay} is inside the
   * retention. Empty otherwise (ask the event log). Cost: one union of {@code length} day sets.
   */
  Optional<RoaringBitmap> converters(String type, LocalDate fromDay, int length) {
    int from = (int) fromDay.toEpochDay();
    return holdsFrom(from) ? Optional.of(union(type, from, from + length - 1)) : Optional.empty();
  }

  /**
   * The database ids of the customers with an event of {@code type} on a day from {@code fromDay}
   * to {@code toDay} (inclusive epoch days of {@code tagbase.zone}), when {@link #covers} holds.
   */
  RoaringBitmap union(String type, int fromDay, int toDay) {
    return days.union(type, fromDay, toDay + 1);
  }

  /**
   * Per index id (through {@code ids}), the events of {@code type} on the days from {@code fromDay}
   * to {@code toDay} (inclusive): how many, or with {@code amounts} their amounts' sum. When {@link
   * #covers} holds.
   */
  double[] tally(
      String type, int fromDay, int toDay, StoredIds ids, int capacity, boolean amounts) {
    return days.tally(type, fromDay, toDay + 1, ids, capacity, amounts);
  }

  /** Whether every day from {@code fromDay} to {@code toDay} (inclusive) is held in full. */
  boolean covers(int fromDay, int toDay) {
    return holdsFrom(fromDay) && toDay <= retentionStart() + retentionDays - 1;
  }

  /**
   * Whether every event up to {@code toDay} (inclusive) is summed up: older events are ({@code
   * tagbase.analytics.all-time}), the backfill is done, and {@code toDay} is one of the kept days.
   */
  boolean coversAllTime(int toDay) {
    return allTime && covers(toDay, toDay);
  }

  /**
   * Per index id (through {@code ids}): {@code measure} over all events of {@code type} up to
   * {@code toDay} (inclusive); when {@link #coversAllTime} holds.
   */
  double[] lifetime(
      String type, int toDay, StoredIds ids, int capacity, ActivityDays.Lifetime measure) {
    return days.lifetime(type, toDay + 1, ids, capacity, measure);
  }

  /**
   * Whether the events themselves of every day from {@code fromDay} to {@code toDay} (inclusive)
   * are held in full: the last {@code tagbase.analytics.event-days} days.
   */
  boolean holdsEvents(int fromDay, int toDay) {
    return eventDays > 0 && covers(fromDay, toDay) && fromDay >= eventsStart();
  }

  /**
   * {@code work} over the held events of {@code type} on the days from {@code fromDay} to {@code
   * toDay} (inclusive), under the days' read lock; when {@link #holdsEvents} holds.
   */
  <T> T events(
      String type,
      int fromDay,
      int toDay,
      java.util.function.Function<List<io.tagbase.engine.DayEvents>, T> work) {
    return days.events(type, fromDay, toDay + 1, work);
  }

  /** Whether the days are complete from {@code fromDay} on: filled, and inside the retention. */
  private boolean holdsFrom(int fromDay) {
    return retentionDays > 0 && ready && fromDay >= Math.max(coveredFrom, retentionStart());
  }

  /** Whether the backfill is done (and no update was missed since). */
  boolean ready() {
    return ready;
  }

  /** The days kept: the Roaring serialized size of every set. */
  long bytes() {
    return days.serializedSizeInBytes();
  }

  /** The days themselves, for tests and the bench's view of them. */
  ActivityDays days() {
    return days;
  }

  /** The first day of the retention: today (in the business's zone) and the days before it. */
  private int retentionStart() {
    return (int) (LocalDate.ofInstant(clock.instant(), zone).toEpochDay() - retentionDays + 1);
  }

  /** The first day whose events themselves are kept (after every day when none are). */
  private int eventsStart() {
    return eventDays == 0 ? Integer.MAX_VALUE : retentionStart() + retentionDays - eventDays;
  }

  /**
   * The event's trace: to {@code activities} if its day is in the retention (from {@code first}
   * on), with its properties as the rules read them if its day is one whose events are kept (from
   * {@code eventsFirst} on); else to {@code earlier} when older events are summed up.
   */
  private void add(
      List<ActivityDays.Activity> activities,
      List<ActivityDays.Activity> earlier,
      JdbcAnalyticsRepository.EventTrace e,
      int first,
      int eventsFirst) {
    int day = (int) LocalDate.ofInstant(e.occurredAt(), zone).toEpochDay();
    long customerId = e.customerId();
    // ids beyond 2^31 are never paired with the index (see CustomerIdBridge)
    if (customerId < 0 || customerId > Integer.MAX_VALUE) {
      return;
    }
    if (day < first) {
      if (allTime) {
        earlier.add(
            new ActivityDays.Activity(
                e.type(), day, (int) customerId, e.id(), cents(e.amount(), e.properties())));
      }
      return;
    }
    Map<String, Object> properties =
        day >= eventsFirst ? EventProperties.of(e.properties(), e.orderId(), e.amount()) : null;
    long cents =
        properties == null
            ? cents(e.amount(), e.properties())
            : cents(properties.get(EventDays.AMOUNT));
    activities.add(
        new ActivityDays.Activity(e.type(), day, (int) customerId, e.id(), cents, properties));
  }

  /**
   * An event's amount as the rules read it, in cents (rounded half up, as the amount column stores
   * it): the amount column, else a number (or boolean, 1/0) {@code amount} property, else {@link
   * ActivityDays#NO_AMOUNT}.
   */
  static long cents(BigDecimal amount, String properties) {
    if (amount == null && properties != null && properties.contains("\"amount\"")) {
      return cents(EventProperties.scalars(properties).get(EventDays.AMOUNT));
    }
    return cents(amount);
  }

  /** A property's value in cents: a number, or a boolean as 1/0; else none. */
  private static long cents(Object amount) {
    BigDecimal value =
        amount instanceof BigDecimal d
            ? d
            : amount instanceof Boolean b ? (b ? BigDecimal.ONE : BigDecimal.ZERO) : null;
    if (value == null) {
      return ActivityDays.NO_AMOUNT;
    }
    try {
      return value.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    } catch (ArithmeticException beyond) {
      return ActivityDays.NO_AMOUNT; // beyond 9.2e16: no amount column holds it
    }
  }
}
