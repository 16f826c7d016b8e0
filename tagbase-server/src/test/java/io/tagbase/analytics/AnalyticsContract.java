package io.tagbase.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.TestClock;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewCustomer;
import io.tagbase.customer.NewEvent;
import io.tagbase.privacy.ErasureService;
import io.tagbase.tagging.AssignOptions;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.tagging.TaggingService;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every analytics figure against a brute-force count over generated customers whose tags the test
 * keeps in plain maps. Run on H2 and on a real PostgreSQL. The database may hold other tests'
 * customers, so population-wide numbers are checked through {@link MembershipIndex#population}.
 */
abstract class AnalyticsContract {
  private static final int CUSTOMERS = 160;

  @Autowired CustomerService customers;
  @Autowired TaxonomyService taxonomy;
  @Autowired TaggingService tagging;
  @Autowired MembershipIndex index;
  @Autowired TagFigures figures;
  @Autowired HistoryFigures history;
  @Autowired SizeSnapshots snapshots;
  @Autowired DashboardSettings settings;
  @Autowired TestClock clock;
  @Autowired MemberSnapshots members;
  @Autowired JdbcMemberRepository memberRepository;
  @Autowired CustomerIdBridge bridge;
  @Autowired ErasureService erasure;

  String category;
  String tier; // layered a1..a4
  String stage; // layered b1..b3
  List<String> flags = new ArrayList<>(); // f0 (dense), f1, f2 (sparse)
  List<String> ids = new ArrayList<>();
  Map<String, String> tierOf = new HashMap<>();
  Map<String, String> stageOf = new HashMap<>();
  List<Set<String>> flagHolders = new ArrayList<>();
  Random random = new Random(42);

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @BeforeEach
  void generate() {
    category = unique("cat");
    taxonomy.createCategory(new NewCategory(category, null, "分析", "Analytics", 1));
    tier = layered("a", 4);
    stage = layered("b", 3);
    double[] densities = {0.5, 0.2, 0.05};
    for (double density : densities) {
      String flag = unique("f");
      taxonomy.createTag(
          new NewTag(
              flag, category, "标记", "Flag", null, null, null, null, null, null, null, null, null,
              null),
          "tester");
      flags.add(flag);
      flagHolders.add(new HashSet<>());
    }
    for (int c = 0; c < CUSTOMERS; c++) {
      String id = unique("c");
      customers.create(NewCustomer.withId(id, "客户"));
      ids.add(id);
      if (random.nextDouble() < 0.8) {
        setValue(id, tier, tierOf, "a" + (1 + random.nextInt(4)));
      }
      if (random.nextDouble() < 0.7) {
        setValue(id, stage, stageOf, "b" + (1 + random.nextInt(3)));
      }
      for (int f = 0; f < flags.size(); f++) {
        if (random.nextDouble() < densities[f]) {
          tagging.assign(id, flags.get(f), AssignOptions.NONE, AssignmentSource.MANUAL, "tester");
          flagHolders.get(f).add(id);
        }
      }
    }
  }

  private String layered(String prefix, int count) {
    String code = unique(prefix);
    List<TagValue> values = new ArrayList<>();
    for (int v = 1; v <= count; v++) {
      values.add(new TagValue(prefix + v, "值" + v, "Value " + v));
    }
    taxonomy.createTag(
        new NewTag(
            code, category, "分层", "Layered", null, null, null, null, null, null, values, null, null,
            null),
        "tester");
    return code;
  }

  private void setValue(String id, String tag, Map<String, String> model, String value) {
    tagging.assign(id, tag, AssignOptions.value(value), AssignmentSource.MANUAL, "tester");
    model.put(id, value);
  }

  private void remove(String id, String tag, Map<String, String> model) {
    tagging.unassign(id, tag, AssignmentSource.MANUAL, "tester", null);
    model.remove(id);
  }

  private static long count(Map<String, String> model, String value) {
    return model.values().stream().filter(value::equals).count();
  }

  private static long longAt(Figure figure, int row, String column) {
    return ((Number) figure.rows().get(row).get(column)).longValue();
  }

  @Test
  void distributionCountsTheHoldersOfEachValue() {
    Figure distribution = figures.distribution(tier, Locale.ENGLISH);
    assertThat(distribution.rows())
        .extracting(r -> r.get("value"))
        .containsExactly("a1", "a2", "a3", "a4");
    for (int v = 0; v < 4; v++) {
      assertThat(longAt(distribution, v, "customers")).isEqualTo(count(tierOf, "a" + (v + 1)));
    }
    assertThat(distribution.facts().get("holders")).isEqualTo((long) tierOf.size());
    assertThat(distribution.rows().get(0).get("label")).isEqualTo("Value 1");
  }

  @Test
  void crossTabCountsEveryPairOfValues() {
    Figure cross = figures.crossTab(tier, stage, "crosstab", Locale.CHINESE);
    assertThat(cross.rows()).hasSize(12);
    for (Map<String, Object> row : cross.rows()) {
      long expected =
          ids.stream()
              .filter(id -> row.get("row").equals(tierOf.get(id)))
              .filter(id -> row.get("column").equals(stageOf.get(id)))
              .count();
      assertThat(((Number) row.get("customers")).longValue())
          .as(row.toString())
          .isEqualTo(expected);
    }
    assertThat(cross.rows().get(0).get("rowLabel")).isEqualTo("值1");
  }

  @Test
  void crossTabRefusesAFlagTagNamingTheField() {
    assertThatThrownBy(() -> figures.crossTab(flags.get(0), stage, "crosstab", Locale.ENGLISH))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("rows");
  }

  @Test
  void coverageOfTagsAndOfTheCategoryMatchBruteForce() {
    Figure tags = figures.coverageOfTags(category, Locale.ENGLISH);
    Map<String, Long> byTag = new HashMap<>();
    tags.rows()
        .forEach(r -> byTag.put((String) r.get("tag"), ((Number) r.get("customers")).longValue()));
    assertThat(byTag)
        .containsEntry(tier, (long) tierOf.size())
        .containsEntry(stage, (long) stageOf.size())
        .containsEntry(flags.get(1), (long) flagHolders.get(1).size())
        .hasSize(5);

    Set<String> any = new HashSet<>(tierOf.keySet());
    any.addAll(stageOf.keySet());
    flagHolders.forEach(any::addAll);
    Map<String, Object> mine =
        figures.coverageByCategory(Locale.ENGLISH).rows().stream()
            .filter(r -> r.get("category").equals(category))
            .findFirst()
            .orElseThrow();
    assertThat(mine.get("customers")).isEqualTo((long) any.size());
    assertThat(mine.get("tags")).isEqualTo(5);
  }

  @Test
  void overlapAndVennRegionsMatchBruteForce() {
    String gold = tier + "=a1";
    List<String> keys = List.of(flags.get(0), flags.get(1), flags.get(2), gold);
    List<Set<String>> sets = new ArrayList<>(flagHolders);
    Set<String> golds = new HashSet<>();
    tierOf.forEach(
        (id, v) -> {
          if (v.equals("a1")) {
            golds.add(id);
          }
        });
    sets.add(golds);

    Figure overlap = figures.overlap(keys, Locale.ENGLISH);
    assertThat(overlap.rows()).hasSize(6);
    for (Map<String, Object> row : overlap.rows()) {
      Set<String> a = sets.get(keys.indexOf((String) row.get("a")));
      Set<String> b = sets.get(keys.indexOf((String) row.get("b")));
      Set<String> both = new HashSet<>(a);
      both.retainAll(b);
      assertThat(row.get("both")).isEqualTo((long) both.size());
      assertThat(row.get("jaccard"))
          .isEqualTo(Figure.share(both.size(), a.size() + b.size() - both.size()));
    }

    Figure venn = figures.venn(keys, Locale.ENGLISH);
    Map<String, Long> expected = new LinkedHashMap<>();
    long union = 0;
    for (String id : ids) {
      List<String> in = new ArrayList<>();
      for (int k = 0; k < keys.size(); k++) {
        if (sets.get(k).contains(id)) {
          in.add(keys.get(k));
        }
      }
      if (!in.isEmpty()) {
        expected.merge(String.join("+", in), 1L, Long::sum);
        union++;
      }
    }
    Map<String, Long> actual = new LinkedHashMap<>();
    venn.rows()
        .forEach(
            r -> {
              long n = ((Number) r.get("customers")).longValue();
              if (n > 0) {
                actual.put((String) r.get("sets"), n);
              }
            });
    assertThat(actual).isEqualTo(expected);
    assertThat(venn.rows()).hasSize(15);
    assertThat(venn.facts().get("none")).isEqualTo(index.population() - union);
  }

  @Test
  void vennRefusesUnknownTagsAndTooManyNamingTheField() {
    assertThatThrownBy(() -> figures.venn(List.of(flags.get(0), "no_such_tag"), Locale.ENGLISH))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no_such_tag");
    assertThatThrownBy(() -> figures.venn(List.of(flags.get(0)), Locale.ENGLISH))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("tags");
  }

  @Test
  void profileGivesJaccardAndTgiOfEveryOtherTag() {
    Set<String> holders = flagHolders.get(0);
    Set<String> other = flagHolders.get(1);
    Set<String> both = new HashSet<>(holders);
    both.retainAll(other);
    long population = index.population();
    Map<String, Object> row =
        figures.profile(flags.get(0), Locale.ENGLISH).rows().stream()
            .filter(r -> r.get("key").equals(flags.get(1)))
            .findFirst()
            .orElseThrow();
    assertThat(row.get("both")).isEqualTo((long) both.size());
    assertThat(row.get("jaccard"))
        .isEqualTo(Figure.share(both.size(), holders.size() + other.size() - both.size()));
    double tgi = ((double) both.size() / holders.size()) / ((double) other.size() / population);
    assertThat((Double) row.get("tgi")).isEqualTo(Math.round(tgi * 1000) / 10.0);
  }

  @Test
  void snapshotRecordsEveryKeyAndTheTrendReadsItBack() {
    snapshots.take();
    LocalDate today = snapshots.today();
    Figure trend =
        history.trend(history.trendKeys(taxonomy.get(tier), Locale.ENGLISH), today, today);
    assertThat(trend.rows()).hasSize(4);
    for (Map<String, Object> row : trend.rows()) {
      String value = ((String) row.get("key")).substring(tier.length() + 1);
      assertThat(row.get("customers")).isEqualTo(count(tierOf, value));
      assertThat(row.get("day")).isEqualTo(today.toString());
    }
  }

  @Test
  void retakingTheDaysSnapshotReplacesItAndChangeComparesWithNow() {
    snapshots.take();
    String moved = tierOf.keySet().iterator().next();
    String from = tierOf.get(moved);
    String to = from.equals("a1") ? "a2" : "a1";
    long fromBefore = count(tierOf, from);
    setValue(moved, tier, tierOf, to);

    Figure change = history.change(tier, snapshots.today().plusDays(1), Locale.ENGLISH);
    Map<String, Object> fromRow = row(change, tier + "=" + from);
    assertThat(fromRow.get("before")).isEqualTo(fromBefore);
    assertThat(fromRow.get("now")).isEqualTo(fromBefore - 1);
    assertThat(fromRow.get("change")).isEqualTo(-1L);

    snapshots.take();
    LocalDate today = snapshots.today();
    Figure trend = history.trend(Map.of(tier + "=" + from, "x"), today.minusDays(3), today);
    assertThat(trend.rows())
        .filteredOn(r -> r.get("day").equals(today.toString()))
        .extracting(r -> r.get("customers"))
        .containsExactly(fromBefore - 1);
  }

  @Test
  void flowBetweenTwoDatesMatchesWhatHappenedInBetween() {
    LocalDate day0 = snapshots.today();
    Map<String, String> atDay0 = new HashMap<>(tierOf);
    clock.advance(Duration.ofHours(25));
    for (String id : ids) {
      double roll = random.nextDouble();
      if (tierOf.containsKey(id) && roll < 0.3) {
        setValue(id, tier, tierOf, "a" + (1 + random.nextInt(4)));
      } else if (tierOf.containsKey(id) && roll < 0.4) {
        remove(id, tier, tierOf);
      } else if (!tierOf.containsKey(id) && roll < 0.5) {
        setValue(id, tier, tierOf, "a" + (1 + random.nextInt(4)));
      }
    }
    LocalDate day1 = snapshots.today();

    Figure flow = history.flow(tier, day0, day1, Locale.ENGLISH);
    Map<String, Long> expected = new HashMap<>();
    for (String id : ids) {
      String before = atDay0.getOrDefault(id, "-");
      String after = tierOf.getOrDefault(id, "-");
      if (!(before.equals("-") && after.equals("-"))) {
        expected.merge(before + ">" + after, 1L, Long::sum);
      }
    }
    assertThat(flowCounts(flow)).isEqualTo(expected);

    // no member snapshot of day0 holds this tag: the history answered, and the figure says so
    assertThat(flow.facts())
        .containsEntry("method", "history")
        .containsEntry("fromSource", "history")
        .containsEntry("toSource", "index");

    // a day later, day1 is in the past: read from the history instead of the index, same answer
    clock.advance(Duration.ofHours(25));
    Figure later = history.flow(tier, day0, day1, Locale.ENGLISH);
    assertThat(flowCounts(later)).isEqualTo(expected);
    assertThat(later.facts()).containsEntry("toSource", "history");
  }

  /** Moves a third of the customers between tier values, takes some out and puts some in. */
  private void shuffleTiers() {
    for (String id : ids) {
      double roll = random.nextDouble();
      if (tierOf.containsKey(id) && roll < 0.3) {
        setValue(id, tier, tierOf, "a" + (1 + random.nextInt(4)));
      } else if (tierOf.containsKey(id) && roll < 0.4) {
        remove(id, tier, tierOf);
      } else if (!tierOf.containsKey(id) && roll < 0.5) {
        setValue(id, tier, tierOf, "a" + (1 + random.nextInt(4)));
      }
    }
  }

  private Map<String, Long> expectedFlow(Map<String, String> before, Map<String, String> after) {
    Map<String, Long> expected = new HashMap<>();
    for (String id : ids) {
      String from = before.getOrDefault(id, "-");
      String to = after.getOrDefault(id, "-");
      if (!(from.equals("-") && to.equals("-"))) {
        expected.merge(from + ">" + to, 1L, Long::sum);
      }
    }
    return expected;
  }

  @Test
  void flowBetweenStoredDaysMatchesBruteForceAcrossARebuildAndAnErasure() {
    snapshots.take();
    LocalDate day0 = snapshots.today();
    Map<String, String> atDay0 = new HashMap<>(tierOf);
    clock.advance(Duration.ofHours(25));
    shuffleTiers();
    LocalDate day1 = snapshots.today();

    Figure fromStored = history.flow(tier, day0, day1, Locale.ENGLISH);
    assertThat(fromStored.facts())
        .containsEntry("method", "snapshot")
        .containsEntry("fromSource", "snapshot")
        .containsEntry("toSource", "index");
    assertThat(flowCounts(fromStored)).isEqualTo(expectedFlow(atDay0, tierOf));

    // day1 stored too; later moves must not show, erased customers must not count, and the
    // index numbering customers afresh (a rebuild after an erasure shifts them) must not matter
    snapshots.take();
    Map<String, String> atDay1 = new HashMap<>(tierOf);
    String erased = ids.stream().filter(atDay0::containsKey).findFirst().orElseThrow();
    long erasedId = customers.get(erased).id();
    clock.advance(Duration.ofHours(25));
    shuffleTiers();
    erasure.erase(erased, "tester");
    ids.remove(erased);
    index.rebuild();

    Figure bothStored = history.flow(tier, day0, day1, Locale.ENGLISH);
    assertThat(bothStored.facts())
        .containsEntry("fromSource", "snapshot")
        .containsEntry("toSource", "snapshot");
    assertThat(flowCounts(bothStored)).isEqualTo(expectedFlow(atDay0, atDay1));
    for (LocalDate day : List.of(day0, day1)) {
      RoaringBitmap stored =
          RoaringBitmap.or(
              memberRepository.members(taxonomy.get(tier).id(), day).values().iterator());
      assertThat(stored.contains((int) erasedId)).as("erased id stored on " + day).isFalse();
      assertThat(stored.getLongCardinality())
          .isEqualTo(
              day.equals(day0)
                  ? atDay0.size() - 1
                  : atDay1.size() - (atDay1.containsKey(erased) ? 1 : 0));
    }
  }

  @Test
  void erasedCustomersIdIsClearedFromEveryStoredDayAndNeverPairedAgain() {
    snapshots.take();
    String erased = ids.stream().filter(tierOf::containsKey).findFirst().orElseThrow();
    long erasedId = customers.get(erased).id();
    long tierId = taxonomy.get(tier).id();
    LocalDate day = snapshots.today();
    assertThat(
            memberRepository.members(tierId, day).get(tierOf.get(erased)).contains((int) erasedId))
        .isTrue();

    erasure.erase(erased, "tester");

    assertThat(memberRepository.members(tierId, day).values())
        .noneMatch(bits -> bits.contains((int) erasedId));
    int[] stillPaired =
        bridge.withIds(
            (dictionary, tags, stored) ->
                stored.fromStored(new int[] {(int) erasedId}, dictionary).toArray());
    assertThat(stillPaired).isEmpty();
  }

  @Test
  void conversionTakesTheCohortFromTheMembersStoredTheDayBefore() {
    String event = unique("evt");
    snapshots.take();
    Set<String> cohort = new HashSet<>(tierOf.keySet());
    clock.advance(Duration.ofHours(25));
    LocalDate windowStart = snapshots.today();
    Instant startInstant = windowStart.atStartOfDay(snapshots.zone()).toInstant();
    shuffleTiers(); // after the snapshot: the cohort stays as stored
    Set<String> converted = new HashSet<>();
    List<NewEvent> events = new ArrayList<>();
    for (String id : ids) {
      if (random.nextDouble() < (cohort.contains(id) ? 0.4 : 0.15)) {
        long customerId = customers.get(id).id();
        events.add(new NewEvent(customerId, event, startInstant.plusSeconds(60), null, null, null));
        if (random.nextBoolean()) { // a second event in the window counts once
          events.add(
              new NewEvent(customerId, event, startInstant.plusSeconds(7200), null, null, null));
        }
        converted.add(id);
      }
    }
    customers.recordEvents(events);

    Figure conversion = history.conversion(tier, event, windowStart, 3, Locale.ENGLISH);
    assertThat(conversion.facts())
        .containsEntry("cohort", "start")
        .containsEntry("cohortSource", "snapshot");
    long taggedConverted = cohort.stream().filter(converted::contains).count();
    assertThat(conversion.rows().get(0))
        .containsEntry("customers", (long) cohort.size())
        .containsEntry("converted", taggedConverted);
    assertThat(conversion.rows().get(1))
        .containsEntry("customers", (long) index.population() - cohort.size())
        .containsEntry("converted", converted.size() - taggedConverted);
  }

  @Test
  void pruningKeepsNinetyDaysThenEachMonthsLastDayForTwoYears() {
    LocalDate today = snapshots.today();
    long tagId = -Math.abs(random.nextLong() % 1_000_000) - 1; // no real tag: only this test's rows
    LocalDate recent = today.minusDays(10);
    LocalDate monthEnd = today.minusMonths(5).withDayOfMonth(1).plusMonths(1).minusDays(1);
    LocalDate midMonth = monthEnd.withDayOfMonth(10);
    LocalDate ancient = today.minusMonths(30).withDayOfMonth(28);
    List<LocalDate> days = List.of(recent, monthEnd, midMonth, ancient);
    // stored as changes: {1, 70000} on the ancient day, 2 joins mid-month, then nothing changes,
    // so the kept days rely on rows of days that are pruned
    Map<LocalDate, RoaringBitmap> taken =
        Map.of(
            ancient, RoaringBitmap.bitmapOf(1, 70_000),
            midMonth, RoaringBitmap.bitmapOf(1, 2, 70_000),
            monthEnd, RoaringBitmap.bitmapOf(1, 2, 70_000),
            recent, RoaringBitmap.bitmapOf(1, 2, 70_000));
    Map<MemberChunks.Key, io.tagbase.engine.ChunkDeltas.State> state = Map.of();
    for (LocalDate day : List.of(ancient, midMonth, monthEnd, recent)) {
      List<MemberChunks.Chunk> rows =
          MemberChunks.deltas(tagId, state, MemberChunks.chunksOf("", taken.get(day)));
      assertThat(rows.isEmpty()).isEqualTo(day.equals(monthEnd) || day.equals(recent));
      memberRepository.replace(day, clock.instant(), List.of(tagId), rows);
      state = MemberChunks.after(state, rows);
    }

    members.prune(today);

    Map<LocalDate, Boolean> kept = new LinkedHashMap<>();
    days.forEach(d -> kept.put(d, memberRepository.takenAt(tagId, d).isPresent()));
    assertThat(kept)
        .containsEntry(recent, true)
        .containsEntry(monthEnd, true)
        .containsEntry(midMonth, false)
        .containsEntry(ancient, false);
    for (LocalDate day : List.of(monthEnd, recent)) {
      assertThat(memberRepository.members(tagId, day).get("").toArray())
          .containsExactly(1, 2, 70_000);
    }
  }

  private static Map<String, Long> flowCounts(Figure flow) {
    Map<String, Long> counts = new HashMap<>();
    flow.rows()
        .forEach(r -> counts.put(r.get("from") + ">" + r.get("to"), (Long) r.get("customers")));
    return counts;
  }

  @Test
  void flowNeedsFromBeforeTo() {
    LocalDate today = snapshots.today();
    assertThatThrownBy(() -> history.flow(tier, today, today, Locale.ENGLISH))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("from");
  }

  @Test
  void conversionComparesHoldersAtTheWindowStartWithEveryoneElse() {
    String event = unique("evt");
    String flag = flags.get(0);
    Set<String> cohort = new HashSet<>(flagHolders.get(0));
    clock.advance(Duration.ofHours(25));
    LocalDate windowStart = snapshots.today();
    Instant startInstant = windowStart.atStartOfDay(snapshots.zone()).toInstant();
    // after the window opens, a holder leaves: still counted as tagged (the cohort is fixed)
    String leaver = cohort.iterator().next();
    tagging.unassign(leaver, flag, AssignmentSource.MANUAL, "tester", null);

    Set<String> converted = new HashSet<>();
    List<NewEvent> events = new ArrayList<>();
    for (String id : ids) {
      long customerId = customers.get(id).id();
      if (random.nextDouble() < (cohort.contains(id) ? 0.4 : 0.15)) {
        events.add(
            new NewEvent(customerId, event, startInstant.plusSeconds(3600), null, null, null));
        converted.add(id);
      } else if (random.nextDouble() < 0.2) {
        // before the window: does not count
        events.add(
            new NewEvent(customerId, event, startInstant.minusSeconds(60), null, null, null));
      }
    }
    customers.recordEvents(events);

    Figure conversion = history.conversion(flag, event, windowStart, 7, Locale.ENGLISH);
    long taggedConverted = cohort.stream().filter(converted::contains).count();
    assertThat(conversion.rows().get(0))
        .containsEntry("group", "tagged")
        .containsEntry("customers", (long) cohort.size())
        .containsEntry("converted", taggedConverted)
        .containsEntry("rate", Figure.share(taggedConverted, cohort.size()));
    long untagged = index.population() - cohort.size();
    assertThat(conversion.rows().get(1))
        .containsEntry("group", "untagged")
        .containsEntry("customers", untagged)
        .containsEntry("converted", converted.size() - taggedConverted);
    double difference =
        Figure.share(taggedConverted, cohort.size())
            - Figure.share(converted.size() - taggedConverted, untagged);
    assertThat((Double) conversion.facts().get("difference"))
        .isCloseTo(difference * 100, org.assertj.core.data.Offset.offset(0.011));
    assertThat(conversion.facts().get("zScore")).isNotNull();
  }

  @Test
  void settingsTakeLayeredTagsOnlyAndBlankMeansDefault() {
    assertThatThrownBy(
            () ->
                settings.save(new DashboardSetup(flags.get(0), null, null, null, "order"), "admin"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("tierTag");
    assertThatThrownBy(
            () -> settings.save(new DashboardSetup(null, null, null, null, "order; drop"), "admin"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("conversionEvent");

    DashboardSetup saved =
        settings.save(new DashboardSetup(stage, tier, tier, stage, "purchase"), "admin");
    assertThat(saved).isEqualTo(new DashboardSetup(stage, tier, tier, stage, "purchase"));

    DashboardSetup defaults =
        settings.save(new DashboardSetup(null, null, null, null, null), "admin");
    assertThat(defaults.conversionEvent()).isEqualTo("order");
    assertThat(defaults.tierTag()).isNotNull();
    assertThat(defaults.lifecycleTag()).isNotEqualTo(defaults.tierTag());
  }

  private static Map<String, Object> row(Figure figure, String key) {
    return figure.rows().stream()
        .filter(r -> Objects.equals(r.get("key"), key))
        .findFirst()
        .orElseThrow();
  }
}
