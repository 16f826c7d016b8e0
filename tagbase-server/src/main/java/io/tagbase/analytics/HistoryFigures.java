package io.tagbase.analytics;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.StoredIds;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagComparisons;
import io.tagbase.engine.TagCoverage;
import io.tagbase.engine.TagIndex;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.tagging.TagKeys;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Service;

/**
 * Figures over time: a tag's size per day from the snapshots, how its values moved since a day, the
 * flow of customers between a tag's values at two dates (from the membership history), and
 * conversion of a tag's holders against everyone else (from the event log).
 *
 * <p>Cost: a trend reads one snapshot row per key per day. A flow reads, per past date, the tag's
 * member bitmaps stored that day (a few MB at 10M customers), maps them to the index's numbering
 * and cross-counts the two partitions (k x k AND-counts); only a day without stored members reads
 * the history (the last row per customer up to then: seconds at millions of customers). Conversion
 * takes the customers with the event in the window from the activity days in memory ({@link
 * EventActivity}: a union of day sets) or, for a window they do not cover, from one query of the
 * event log, makes them a bitmap of the index's numbers and counts with four bitmap passes; the
 * holders at the window's start come from the members stored the day before (else the history). See
 * docs/benchmark.md for the figures at 10M.
 */
@Service
public class HistoryFigures {
  /** Trends and windows longer than this are refused: ten years of days. */
  static final int MAX_DAYS = 3660;

  private final MembershipIndex index;
  private final TaxonomyService taxonomy;
  private final JdbcAnalyticsRepository repository;
  private final SizeSnapshots snapshots;
  private final MemberSnapshots members;
  private final CustomerIdBridge bridge;
  private final EventActivity activity;
  private final Clock clock;

  HistoryFigures(
      MembershipIndex index,
      TaxonomyService taxonomy,
      JdbcAnalyticsRepository repository,
      SizeSnapshots snapshots,
      MemberSnapshots members,
      CustomerIdBridge bridge,
      EventActivity activity,
      Clock clock) {
    this.index = index;
    this.taxonomy = taxonomy;
    this.repository = repository;
    this.snapshots = snapshots;
    this.members = members;
    this.bridge = bridge;
    this.activity = activity;
    this.clock = clock;
  }

  /**
   * Size per snapshot day in {@code from..to} of index keys (a tag, its values, a segment), with
   * the share of that day's population. Days without a snapshot are absent; a key the index did not
   * know that day (a segment not yet saved, a value nobody had yet) has null counts.
   */
  public Figure trend(Map<String, String> labelledKeys, LocalDate from, LocalDate to) {
    checkPeriod(from, to, "from");
    Map<LocalDate, Long> populations = repository.populations(from, to);
    Map<String, Map<LocalDate, Long>> sizes =
        repository.sizes(new ArrayList<>(labelledKeys.keySet()), from, to);
    Figure figure =
        Figure.of("trend", "day", "key", "label", "customers", "share")
            .fact("from", from.toString())
            .fact("to", to.toString());
    for (Map.Entry<LocalDate, Long> day : populations.entrySet()) {
      for (Map.Entry<String, String> key : labelledKeys.entrySet()) {
        Long size = sizes.get(key.getKey()).get(day.getKey()); // null: not in the index that day
        figure.row(
            day.getKey().toString(),
            key.getKey(),
            key.getValue(),
            size,
            size == null ? null : Figure.share(size, day.getValue()));
      }
    }
    return figure;
  }

  /** The keys a tag's trend draws: each value of a layered tag, else the tag itself. */
  public Map<String, String> trendKeys(TagDefinition tag, Locale locale) {
    Map<String, String> keys = new LinkedHashMap<>();
    if (tag.layered()) {
      for (TagValue value : tag.values()) {
        keys.put(TagKeys.of(tag.code(), value.code()), value.name(locale));
      }
    } else {
      keys.put(tag.code(), tag.name(locale));
    }
    return keys;
  }

  /**
   * Each value of a layered tag (a flag tag: the tag) at the snapshot just before {@code since}
   * (the earliest after it when there is none before) and now, and the change.
   */
  public Figure change(String tagCode, LocalDate since, Locale locale) {
    TagDefinition tag = taxonomy.get(tagCode);
    Map<String, String> keys = trendKeys(tag, locale);
    Optional<LocalDate> before = repository.snapshotDayAround(since);
    Map<String, Map<LocalDate, Long>> then =
        before.isEmpty()
            ? Map.of()
            : repository.sizes(new ArrayList<>(keys.keySet()), before.get(), before.get());
    List<String> keyList = new ArrayList<>(keys.keySet());
    long[] now =
        index.withIndex((dictionary, tags) -> new TagCoverage(tags, dictionary).counts(keyList));
    Figure figure =
        Figure.of("change", "key", "label", "before", "now", "change")
            .fact("tag", tag.code())
            .fact("since", since.toString())
            .fact("beforeDay", before.map(LocalDate::toString).orElse(null));
    for (int i = 0; i < keyList.size(); i++) {
      String key = keyList.get(i);
      Long was = before.isEmpty() ? null : then.get(key).getOrDefault(before.get(), 0L);
      figure.row(key, keys.get(key), was, now[i], was == null ? null : now[i] - was);
    }
    return figure;
  }

  /**
   * Who moved between the values of a tag from the end of {@code fromDay} to the end of {@code
   * toDay} (or now, if that is earlier): customers per (value then, value later), "" standing for
   * not holding the tag. Pairs with nobody, and staying without the tag, are left out. Live
   * customers only.
   *
   * <p>Each date is read from the index when it is now, else from the tag's members stored for that
   * day ({@link MemberSnapshots}: as at the snapshot, taken late in the day), else from the
   * membership history (days before member snapshots existed, or pruned since: seconds at millions
   * of customers). The facts {@code fromSource}, {@code toSource} ({@code index}, {@code snapshot},
   * {@code history}) and {@code method} say which answered, and {@code fromInstant}, {@code
   * toInstant} the moments counted.
   */
  public Figure flow(String tagCode, LocalDate fromDay, LocalDate toDay, Locale locale) {
    TagDefinition tag = taxonomy.get(tagCode);
    if (fromDay == null || toDay == null || !fromDay.isBefore(toDay)) {
      throw new InvalidInputException("from", "Give a from date before the to date (yyyy-MM-dd).");
    }
    checkPeriod(fromDay, toDay, "from");
    Instant now = clock.instant();
    Side from = side(tag, fromDay, now);
    Side to = side(tag, toDay, now);
    List<String> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (tag.layered()) {
      for (TagValue value : tag.values()) {
        values.add(value.code());
        labels.add(value.name(locale));
      }
    } else {
      values.add("");
      labels.add(tag.name(locale));
    }
    values.add(null); // not holding the tag
    labels.add(noneLabel(locale));
    long[][] counts =
        bridge.withIds(
            (dictionary, tags, ids) ->
                new TagComparisons(tags, dictionary)
                    .crossTabOf(
                        partition(from, tag.code(), values, dictionary, tags, ids),
                        partition(to, tag.code(), values, dictionary, tags, ids)));
    boolean history = from.source().equals(HISTORY) || to.source().equals(HISTORY);
    Figure figure =
        Figure.of("flow", "from", "fromLabel", "to", "toLabel", "customers")
            .fact("tag", tag.code())
            .fact("fromDay", fromDay.toString())
            .fact("toDay", toDay.toString())
            .fact("fromInstant", from.at().toString())
            .fact("toInstant", to.at().toString())
            .fact("method", history ? HISTORY : SNAPSHOT)
            .fact("fromSource", from.source())
            .fact("toSource", to.source());
    int none = values.size() - 1;
    for (int i = 0; i < values.size(); i++) {
      for (int j = 0; j < values.size(); j++) {
        if (counts[i][j] > 0 && !(i == none && j == none)) {
          figure.row(
              code(values.get(i)), labels.get(i), code(values.get(j)), labels.get(j), counts[i][j]);
        }
      }
    }
    return figure;
  }

  static final String INDEX = "index";
  static final String SNAPSHOT = "snapshot";
  static final String HISTORY = "history";

  /**
   * Where one date's holders are read: the index (now), the members stored that day, or the history
   * (external id to value code, read before taking the index's lock).
   */
  private record Side(
      String source, Instant at, MemberSnapshots.StoredDay stored, Map<String, String> history) {}

  private Side side(TagDefinition tag, LocalDate day, Instant now) {
    Instant end = endOf(day, now);
    if (end.equals(now)) {
      return new Side(INDEX, now, null, null);
    }
    Optional<MemberSnapshots.StoredDay> stored = members.day(tag, day);
    if (stored.isPresent()) {
      return new Side(SNAPSHOT, stored.get().takenAt(), stored.get(), null);
    }
    return new Side(HISTORY, end, null, repository.holdersAt(tag.id(), end));
  }

  /** One bitmap per value (null last: everyone live who holds none of them) at a side's date. */
  private static List<TagBitmap> partition(
      Side side,
      String tagCode,
      List<String> values,
      CustomerDictionary dictionary,
      TagIndex tags,
      StoredIds ids) {
    if (side.source().equals(INDEX)) {
      return current(tagCode, values, tags, dictionary);
    }
    if (side.source().equals(HISTORY)) {
      return partition(side.history(), values, dictionary);
    }
    List<RoaringBitmap> stored = new ArrayList<>();
    for (String value : values) {
      if (value != null) {
        stored.add(side.stored().of(value));
      }
    }
    return ids.partition(stored, dictionary);
  }

  /** {@link #partition} of the index as it is now. */
  private static List<TagBitmap> current(
      String tagCode, List<String> values, TagIndex tags, CustomerDictionary dictionary) {
    List<TagBitmap> partition = new ArrayList<>();
    for (String value : values) {
      if (value != null) {
        partition.add(tags.bitmap(value.isEmpty() ? tagCode : TagKeys.of(tagCode, value)));
      }
    }
    partition.add(dictionary.live().andNot(tags.bitmap(tagCode)));
    return partition;
  }

  private static String code(String value) {
    return value == null ? "-" : value;
  }

  static String noneLabel(Locale locale) {
    return "en".equals(locale.getLanguage()) ? "(none)" : "（无）";
  }

  /**
   * One bitmap per value (the last one: everyone live who holds none of them), from external id to
   * value code. Unknown and erased customers are skipped.
   */
  private static List<TagBitmap> partition(
      Map<String, String> holders, List<String> values, CustomerDictionary dictionary) {
    Map<String, TagBitmap> byValue = new LinkedHashMap<>();
    for (String value : values) {
      if (value != null) {
        byValue.put(value, TagBitmap.empty());
      }
    }
    TagBitmap none = dictionary.live();
    holders.forEach(
        (externalId, value) ->
            dictionary
                .find(externalId)
                .ifPresent(
                    id -> {
                      TagBitmap bits = byValue.get(value);
                      if (bits != null) {
                        bits.add(id);
                        none.remove(id);
                      }
                    }));
    List<TagBitmap> partition = new ArrayList<>(byValue.values());
    partition.add(none);
    return partition;
  }

  /**
   * For an event in {@code days} days from the start of {@code fromDay}: the share of the tag's
   * holders at the start of the window (the tag's members stored the day before, else the history;
   * facts {@code cohortSource}, {@code cohortInstant}) who did it, against the share of all other
   * live customers, the difference in percentage points, and a two-proportion z-score (about 2 or
   * more: unlikely to be chance). The converters come from the activity days in memory when they
   * cover the window, else from one query of the event log; fact {@code convertersSource} ({@code
   * activity} or {@code events}) says which.
   */
  public Figure conversion(
      String tagCode, String eventType, LocalDate fromDay, int days, Locale locale) {
    return conversion(tagCode, eventType, fromDay, days, false, locale);
  }

  /**
   * {@link #conversion}, with the option to compare the tag's holders <em>now</em> instead of at
   * the start of the window ({@code currentHolders}): what most dashboards show, but a tag given
   * because of the event then flatters itself.
   */
  public Figure conversion(
      String tagCode,
      String eventType,
      LocalDate fromDay,
      int days,
      boolean currentHolders,
      Locale locale) {
    TagDefinition tag = taxonomy.get(tagCode);
    if (eventType == null || eventType.isBlank()) {
      throw new InvalidInputException("event", "Name the event type, such as order.");
    }
    if (fromDay == null) {
      throw new InvalidInputException("from", "Give the first day of the window (yyyy-MM-dd).");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new InvalidInputException("days", "Give a window of 1 to " + MAX_DAYS + " days.");
    }
    Instant start = fromDay.atStartOfDay(zone()).toInstant();
    Instant end = fromDay.plusDays(days).atStartOfDay(zone()).toInstant();
    boolean atStart = !currentHolders && start.isBefore(clock.instant());
    // the holders at the window's start: the members stored the day before, else the history
    Optional<MemberSnapshots.StoredDay> stored =
        atStart ? members.day(tag, fromDay.minusDays(1)) : Optional.empty();
    Collection<String> history =
        atStart && stored.isEmpty() ? repository.holdersAt(tag.id(), start).keySet() : null;
    String cohortSource = !atStart ? INDEX : stored.isPresent() ? SNAPSHOT : HISTORY;
    // the converters: from the activity days in memory when they cover the window, else the log
    Optional<RoaringBitmap> fromDays = activity.converters(eventType.trim(), fromDay, days);
    int[] converted =
        fromDays.isPresent() ? null : repository.customersWithEvent(eventType.trim(), start, end);
    TagComparisons.Conversion c =
        bridge.withIds(
            (dictionary, tags, ids) -> {
              TagComparisons comparisons = new TagComparisons(tags, dictionary);
              TagBitmap convertedBits =
                  fromDays.isPresent()
                      ? ids.fromStored(fromDays.get(), dictionary)
                      : ids.fromStored(converted, dictionary);
              if (stored.isPresent()) {
                return comparisons.conversionOf(
                    ids.fromStored(stored.get().holders(), dictionary), convertedBits);
              }
              return history == null
                  ? comparisons.conversion(tag.code(), convertedBits)
                  : comparisons.conversionOf(bitmap(history, dictionary), convertedBits);
            });
    double taggedRate = rate(c.taggedConverted(), c.tagged());
    double untaggedRate = rate(c.untaggedConverted(), c.untagged());
    boolean en = "en".equals(locale.getLanguage());
    return Figure.of("conversion", "group", "label", "customers", "converted", "rate")
        .fact("tag", tag.code())
        .fact("event", eventType.trim())
        .fact("cohort", atStart ? "start" : "now")
        .fact("cohortSource", cohortSource)
        .fact(
            "cohortInstant",
            stored.map(d -> d.takenAt().toString()).orElse(atStart ? start.toString() : null))
        .fact("from", start.toString())
        .fact("to", end.toString())
        .fact(
            "convertersSource",
            fromDays.isPresent() ? EventActivity.ACTIVITY : EventActivity.EVENTS)
        .fact("difference", Math.round((taggedRate - untaggedRate) * 10_000) / 100.0)
        .fact(
            "lift", untaggedRate == 0 ? null : Math.round(taggedRate / untaggedRate * 100) / 100.0)
        .fact("zScore", zScore(c))
        .row("tagged", tag.name(locale), c.tagged(), c.taggedConverted(), taggedRate)
        .row(
            "untagged",
            en ? "Without " + tag.name(locale) : "无" + tag.name(locale),
            c.untagged(),
            c.untaggedConverted(),
            untaggedRate);
  }

  private static double rate(long part, long whole) {
    return Figure.share(part, whole);
  }

  /** Two-proportion z-test with pooled variance; null when a group is empty or nobody differs. */
  static Double zScore(TagComparisons.Conversion c) {
    if (c.tagged() == 0 || c.untagged() == 0) {
      return null;
    }
    double p1 = (double) c.taggedConverted() / c.tagged();
    double p2 = (double) c.untaggedConverted() / c.untagged();
    double pooled =
        (double) (c.taggedConverted() + c.untaggedConverted()) / (c.tagged() + c.untagged());
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / c.tagged() + 1.0 / c.untagged()));
    return se == 0 ? null : Math.round((p1 - p2) / se * 100) / 100.0;
  }

  private static TagBitmap bitmap(Collection<String> externalIds, CustomerDictionary dictionary) {
    TagBitmap bits = TagBitmap.forDensity(externalIds.size(), dictionary.capacity());
    for (String externalId : externalIds) {
      dictionary.find(externalId).ifPresent(bits::add);
    }
    return bits;
  }

  /** The end of a day in the business's zone, or now if that is earlier. */
  private Instant endOf(LocalDate day, Instant now) {
    Instant end = day.plusDays(1).atStartOfDay(zone()).toInstant();
    return end.isAfter(now) ? now : end;
  }

  private ZoneId zone() {
    return snapshots.zone();
  }

  static void checkPeriod(LocalDate from, LocalDate to, String field) {
    if (from == null || to == null || from.isAfter(to)) {
      throw new InvalidInputException(field, "Give a from date on or before the to date.");
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw new InvalidInputException(field, "Give a period of at most " + MAX_DAYS + " days.");
    }
  }
}
