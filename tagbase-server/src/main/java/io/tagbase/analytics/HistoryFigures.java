package io.tagbase.analytics;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagComparisons;
import io.tagbase.engine.TagIndex;
import io.tagbase.engine.TagStatistics;
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
import org.springframework.stereotype.Service;

/**
 * Figures over time: a tag's size per day from the snapshots, how its values moved since a day, the
 * flow of customers between a tag's values at two dates (from the membership history), and
 * conversion of a tag's holders against everyone else (from the event log).
 *
 * <p>Cost: a trend reads one snapshot row per key per day. A flow reads the tag's history once per
 * past date (one query: the last row per customer up to then; a date up to now is read from the
 * index) and cross-counts the two partitions as bitmaps. Conversion runs one query for the
 * customers with the event in the window and four bitmap passes.
 */
@Service
public class HistoryFigures {
  /** Trends and windows longer than this are refused: ten years of days. */
  static final int MAX_DAYS = 3660;

  private final MembershipIndex index;
  private final TaxonomyService taxonomy;
  private final JdbcAnalyticsRepository repository;
  private final SizeSnapshots snapshots;
  private final Clock clock;

  HistoryFigures(
      MembershipIndex index,
      TaxonomyService taxonomy,
      JdbcAnalyticsRepository repository,
      SizeSnapshots snapshots,
      Clock clock) {
    this.index = index;
    this.taxonomy = taxonomy;
    this.repository = repository;
    this.snapshots = snapshots;
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
        index.withIndex(
            (dictionary, tags) -> new TagStatistics(tags, dictionary).coverage(keyList));
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
   * toDay} (or now, if that is earlier), from the membership history: customers per (value then,
   * value later), "" standing for not holding the tag. Pairs with nobody, and staying without the
   * tag, are left out. Live customers only.
   */
  public Figure flow(String tagCode, LocalDate fromDay, LocalDate toDay, Locale locale) {
    TagDefinition tag = taxonomy.get(tagCode);
    if (fromDay == null || toDay == null || !fromDay.isBefore(toDay)) {
      throw new InvalidInputException("from", "Give a from date before the to date (yyyy-MM-dd).");
    }
    checkPeriod(fromDay, toDay, "from");
    Instant now = clock.instant();
    Instant from = endOf(fromDay, now);
    Instant to = endOf(toDay, now);
    Map<String, String> then = repository.holdersAt(tag.id(), from);
    // up to now: the index holds the answer, so only the earlier date reads the history
    Map<String, String> later = to.equals(now) ? null : repository.holdersAt(tag.id(), to);
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
        index.withIndex(
            (dictionary, tags) -> {
              List<TagBitmap> rows = partition(then, values, dictionary);
              List<TagBitmap> columns =
                  later == null
                      ? current(tag.code(), values, tags, dictionary)
                      : partition(later, values, dictionary);
              return new TagComparisons(tags, dictionary).crossTabOf(rows, columns);
            });
    Figure figure =
        Figure.of("flow", "from", "fromLabel", "to", "toLabel", "customers")
            .fact("tag", tag.code())
            .fact("fromDay", fromDay.toString())
            .fact("toDay", toDay.toString())
            .fact("fromInstant", from.toString())
            .fact("toInstant", to.toString());
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
   * holders (at the start of the window, from the history) who did it, against the share of all
   * other live customers, the difference in percentage points, and a two-proportion z-score (about
   * 2 or more: unlikely to be chance).
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
    Collection<String> cohort =
        !currentHolders && start.isBefore(clock.instant())
            ? repository.holdersAt(tag.id(), start).keySet()
            : null;
    List<String> converted = repository.customersWithEvent(eventType.trim(), start, end);
    TagComparisons.Conversion c =
        index.withIndex(
            (dictionary, tags) -> {
              TagComparisons comparisons = new TagComparisons(tags, dictionary);
              TagBitmap convertedBits = bitmap(converted, dictionary);
              return cohort == null
                  ? comparisons.conversion(tag.code(), convertedBits)
                  : comparisons.conversionOf(bitmap(cohort, dictionary), convertedBits);
            });
    double taggedRate = rate(c.taggedConverted(), c.tagged());
    double untaggedRate = rate(c.untaggedConverted(), c.untagged());
    boolean en = "en".equals(locale.getLanguage());
    return Figure.of("conversion", "group", "label", "customers", "converted", "rate")
        .fact("tag", tag.code())
        .fact("event", eventType.trim())
        .fact("cohort", cohort == null ? "now" : "start")
        .fact("from", start.toString())
        .fact("to", end.toString())
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
