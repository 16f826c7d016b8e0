package io.tagbase.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tagbase.TestClock;
import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerProfiles;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.EventsRecorded;
import io.tagbase.customer.Identity;
import io.tagbase.customer.IdentityKind;
import io.tagbase.customer.NewCustomer;
import io.tagbase.customer.NewEvent;
import io.tagbase.privacy.ErasureService;
import io.tagbase.tagging.AssignOptions;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.tagging.TaggingService;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TaxonomyService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conversion's converters from the in-memory activity days ({@link EventActivity}) against the
 * event-log query and a brute-force count over seeded random events, for windows inside and outside
 * the retention; the backfill, live updates after commit (none for a rolled-back write), merges and
 * erasure. Each test uses event types of its own, so other tests' events never count. Run on H2 and
 * on a real PostgreSQL.
 */
@RecordApplicationEvents
abstract class ActivityDaysContract {
  private static final int CUSTOMERS = 120;
  private static final int RETENTION = 90; // the default of tagbase.analytics.activity-days
  private static final int EVENT_DAYS = 35; // the default of tagbase.analytics.event-days

  @Autowired CustomerService customers;
  @Autowired CustomerProfiles profiles;
  @Autowired TaxonomyService taxonomy;
  @Autowired TaggingService tagging;
  @Autowired MembershipIndex index;
  @Autowired HistoryFigures history;
  @Autowired SizeSnapshots snapshots;
  @Autowired EventActivity activity;
  @Autowired JdbcAnalyticsRepository repository;
  @Autowired ErasureService erasure;
  @Autowired TransactionTemplate tx;
  @Autowired TestClock clock;
  @Autowired io.tagbase.rules.RuleService rules;
  @Autowired ActivityRuleDays ruleDays;
  @Autowired ApplicationEvents published;

  Random random = new Random(2026);
  String flag;
  List<Customer> people = new ArrayList<>();
  Set<String> holders = new HashSet<>();
  String order;
  String view;
  ZoneId zone;

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @BeforeEach
  void generate() {
    await().atMost(Duration.ofSeconds(60)).until(activity::ready);
    zone = snapshots.zone();
    order = unique("order");
    view = unique("view");
    String category = unique("cat");
    taxonomy.createCategory(new NewCategory(category, null, "活跃", "Activity", 1));
    flag = unique("f");
    taxonomy.createTag(
        new NewTag(
            flag, category, "标记", "Flag", null, null, null, null, null, null, null, null, null,
            null),
        "tester");
    for (int c = 0; c < CUSTOMERS; c++) {
      String id = unique("c");
      people.add(customers.create(NewCustomer.withId(id, "客户")));
      if (random.nextDouble() < 0.3) {
        tagging.assign(id, flag, AssignOptions.NONE, AssignmentSource.MANUAL, "tester");
        holders.add(id);
      }
    }
  }

  @Test
  void didClausesInRulesReadTheDaysAndAgreeWithABruteForceCountOfTheEvents() {
    LocalDate today = today();
    List<NewEvent> events = randomEvents(700, today.minusDays(40), today);
    customers.recordEvents(events);
    long readsBefore = ruleDays.reads();
    for (int n : new int[] {1, 7, 30, 41, 100}) {
      Set<String> did = new TreeSet<>();
      for (NewEvent e : events) {
        LocalDate day = LocalDate.ofInstant(e.occurredAt(), zone);
        if (e.type().equals(order) && !day.isBefore(today.minusDays(n - 1))) {
          did.add(externalId(e.customerId()));
        }
      }
      Set<String> flagged = new TreeSet<>(holders);
      flagged.removeAll(did);
      assertThat(members("did " + order + " in last " + n + " days", today))
          .as("did %s in last %d days", order, n)
          .isEqualTo(did);
      assertThat(
              members(
                  "has tag " + flag + " and not did " + order + " in last " + n + " days", today))
          .as("flag holders who did not order in the last %d days", n)
          .isEqualTo(flagged);
    }
    assertThat(ruleDays.reads()).as("answered from the days").isGreaterThan(readsBefore);
  }

  @Test
  void countsAndAmountSumsReadTheTalliesAndAgreeWithABruteForceSumThroughMergesAndErasure() {
    LocalDate today = today();
    List<NewEvent> events = pricedEvents(900, today.minusDays(40), today);
    customers.recordEvents(events.subList(0, 500));
    customers.recordEvents(events.subList(300, 900)); // repeats of stored message ids: skipped
    long readsBefore = ruleDays.reads();
    assertTallied(events, today);
    assertThat(ruleDays.reads()).as("answered from the tallies").isGreaterThan(readsBefore);

    assertTallied(mergeAndErase(events), today);
  }

  @Test
  void filteredAndOtherAggregatesReadTheHeldEventsAndAgreeWithABruteForceThroughMergesAndErasure() {
    LocalDate today = today();
    List<NewEvent> events = describedEvents(900, today.minusDays(45), today);
    customers.recordEvents(events);
    long readsBefore = ruleDays.reads();
    assertAggregated(events, today);
    assertThat(ruleDays.reads()).as("answered from the held events").isGreaterThan(readsBefore);
    assertAggregated(mergeAndErase(events), today);
  }

  /**
   * A filtered count, an average, a distinct count, a filtered did and a days-since over windows
   * whose events are held (up to the default 35 days) and two that are not (41 and 45 days, read
   * from the event log) equal a brute force over {@code events}.
   */
  private void assertAggregated(List<NewEvent> events, LocalDate today) {
    int day0 = (int) today.toEpochDay();
    for (int n : new int[] {1, 7, 30, 35, 41, 45}) {
      int first = day0 - n + 1;
      Map<String, Integer> shoes = new HashMap<>();
      Map<String, List<java.math.BigDecimal>> amounts = new HashMap<>();
      Map<String, Set<String>> skus = new HashMap<>();
      Set<String> cart = new TreeSet<>();
      Map<String, Integer> lastBags = new HashMap<>();
      for (NewEvent e : events) {
        int day = (int) LocalDate.ofInstant(e.occurredAt(), zone).toEpochDay();
        if (day < first) {
          continue;
        }
        String who = externalId(e.customerId());
        String json = e.properties() == null || e.properties().endsWith(": ") ? "" : e.properties();
        if (e.type().equals(view)) {
          if (json.contains("\"page\": \"cart\"")) {
            cart.add(who);
          }
          continue;
        }
        if (json.contains("\"category\": \"shoes\"")) {
          shoes.merge(who, 1, Integer::sum);
        }
        if (json.contains("\"category\": \"bags\"")) {
          lastBags.merge(who, day, Math::max);
        }
        if (e.amount() != null) {
          amounts
              .computeIfAbsent(who, w -> new ArrayList<>())
              .add(e.amount().setScale(2, java.math.RoundingMode.HALF_UP));
        }
        int sku = json.indexOf("\"sku\": \"");
        if (sku >= 0) {
          skus.computeIfAbsent(who, w -> new HashSet<>()).add(json.substring(sku + 8, sku + 11));
        }
      }
      Set<String> twiceShoes = new TreeSet<>();
      Set<String> bigAverage = new TreeSet<>();
      Set<String> manySkus = new TreeSet<>();
      Set<String> recentBags = new TreeSet<>();
      for (Customer c : people) {
        String who = c.externalId();
        if (shoes.getOrDefault(who, 0) >= 2) {
          twiceShoes.add(who);
        }
        List<java.math.BigDecimal> spent = amounts.getOrDefault(who, List.of());
        java.math.BigDecimal total =
            spent.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        if (!spent.isEmpty()
            && total.compareTo(AVERAGE.multiply(java.math.BigDecimal.valueOf(spent.size()))) > 0) {
          bigAverage.add(who);
        }
        if (skus.getOrDefault(who, Set.of()).size() >= 2) {
          manySkus.add(who);
        }
        if (lastBags.containsKey(who) && day0 - lastBags.get(who) <= 2) {
          recentBags.add(who);
        }
      }
      String window = "last " + n + " days";
      assertThat(
              members(
                  "count(" + order + " where category = \"shoes\", " + window + ") >= 2", today))
          .as("shoes twice in the %s", window)
          .isEqualTo(twiceShoes);
      assertThat(members("avg(" + order + ", amount, " + window + ") > " + AVERAGE, today))
          .as("average above 100 in the %s", window)
          .isEqualTo(bigAverage);
      assertThat(members("distinct count(" + order + ", sku, " + window + ") >= 2", today))
          .as("two skus in the %s", window)
          .isEqualTo(manySkus);
      assertThat(members("did " + view + " where page = \"cart\" in " + window, today))
          .as("cart views in the %s", window)
          .isEqualTo(cart);
      assertThat(
              members(
                  "days since last(" + order + " where category = \"bags\", " + window + ") <= 2",
                  today))
          .as("bags within two days, in the %s", window)
          .isEqualTo(recentBags);
    }
  }

  /** Off the grid of averages of a few cent amounts: doubles and decimals agree on every side. */
  private static final java.math.BigDecimal AVERAGE = new java.math.BigDecimal("100.0001");

  /**
   * Orders with a category, a sku and sometimes an amount, and views of a page, on random days in
   * {@code [first, last]}; some properties are unreadable JSON, which reads as none.
   */
  private List<NewEvent> describedEvents(int count, LocalDate first, LocalDate last) {
    List<String> categories = List.of("shoes", "bags", "hats");
    List<NewEvent> events = new ArrayList<>();
    for (NewEvent e : randomEvents(count, first, last)) {
      java.math.BigDecimal amount = null;
      String properties;
      if (e.type().equals(order)) {
        properties =
            String.format(
                Locale.ROOT,
                "{\"category\": \"%s\", \"sku\": \"s%02d\", \"coupon\": %s}",
                categories.get(random.nextInt(3)),
                random.nextInt(6),
                random.nextBoolean());
        if (random.nextInt(4) > 0) {
          amount = java.math.BigDecimal.valueOf(random.nextInt(25_000), 2);
        }
      } else {
        properties = "{\"page\": \"" + (random.nextBoolean() ? "cart" : "home") + "\"}";
      }
      if (random.nextInt(40) == 0) {
        properties = "{\"page\": \"cart\", \"category\": "; // unreadable: no properties
      }
      events.add(described(e, amount, properties));
    }
    return events;
  }

  @Test
  void allTimeClausesReadTheSummariesAndAgreeWithABruteForceThroughMergesAndErasure() {
    LocalDate today = today();
    // most events older than the 90 kept days: summed up per customer as they are recorded
    List<NewEvent> events = pricedEvents(800, today.minusDays(400), today);
    customers.recordEvents(events);
    long readsBefore = ruleDays.reads();
    assertAllTime(events, today);
    assertThat(ruleDays.reads()).as("answered from the summaries").isGreaterThan(readsBefore);
    List<NewEvent> now = mergeAndErase(events);
    assertAllTime(now, today);

    // a backfill sums up the same from the table
    EventActivity fresh =
        new EventActivity(repository, clock, zone.getId(), RETENTION, EVENT_DAYS, true);
    fresh.backfill();
    io.tagbase.engine.StoredIds ids = new io.tagbase.engine.StoredIds();
    for (int k = 0; k < people.size(); k++) {
      ids.put(k, (int) people.get(k).id());
    }
    int day0 = (int) today.toEpochDay();
    double[] counts =
        fresh.lifetime(
            order, day0, ids, people.size(), io.tagbase.engine.ActivityDays.Lifetime.COUNT);
    double[] last =
        fresh.lifetime(
            order, day0, ids, people.size(), io.tagbase.engine.ActivityDays.Lifetime.LAST);
    for (int k = 0; k < people.size(); k++) {
      long id = people.get(k).id();
      List<NewEvent> theirs =
          now.stream().filter(e -> e.customerId() == id && e.type().equals(order)).toList();
      assertThat(counts[k]).as("orders of %s", id).isEqualTo(theirs.size());
      assertThat(Double.valueOf(last[k])) // boxed: NaN (no order) equals NaN
          .as("last order of %s", id)
          .isEqualTo(
              theirs.stream()
                  .mapToDouble(e -> LocalDate.ofInstant(e.occurredAt(), zone).toEpochDay())
                  .boxed()
                  .max(Double::compare)
                  .orElse(Double.NaN));
    }
  }

  /**
   * All-time counts, amount sums, days since the last and first event, first days and dids equal a
   * brute force over {@code events}.
   */
  private void assertAllTime(List<NewEvent> events, LocalDate today) {
    int day0 = (int) today.toEpochDay();
    Map<String, Integer> orders = new HashMap<>();
    Map<String, java.math.BigDecimal> spent = new HashMap<>();
    Map<String, Integer> lastOrder = new HashMap<>();
    Map<String, Integer> firstView = new HashMap<>();
    for (NewEvent e : events) {
      String who = externalId(e.customerId());
      int day = (int) LocalDate.ofInstant(e.occurredAt(), zone).toEpochDay();
      if (e.type().equals(view)) {
        firstView.merge(who, day, Math::min);
        continue;
      }
      orders.merge(who, 1, Integer::sum);
      lastOrder.merge(who, day, Math::max);
      java.math.BigDecimal amount = amountAsRulesRead(e);
      if (amount != null) {
        spent.merge(who, amount, java.math.BigDecimal::add);
      }
    }
    Set<String> often = new TreeSet<>();
    Set<String> big = new TreeSet<>();
    Set<String> drifting = new TreeSet<>();
    Set<String> earlyViewers = new TreeSet<>();
    Set<String> neverViewedFlagged = new TreeSet<>(holders);
    for (Customer c : people) {
      String who = c.externalId();
      if (orders.getOrDefault(who, 0) >= 3) {
        often.add(who);
      }
      if (spent.getOrDefault(who, java.math.BigDecimal.ZERO).compareTo(THRESHOLD) >= 0) {
        big.add(who);
      }
      if (lastOrder.containsKey(who) && day0 - lastOrder.get(who) > 60) {
        drifting.add(who);
      }
      if (firstView.containsKey(who) && firstView.get(who) < day0 - 200) {
        earlyViewers.add(who);
      }
      if (firstView.containsKey(who)) {
        neverViewedFlagged.remove(who);
      }
    }
    assertThat(members("count(" + order + ") >= 3", today)).as("orders").isEqualTo(often);
    assertThat(members("sum(" + order + ", amount) >= " + THRESHOLD, today))
        .as("spent")
        .isEqualTo(big);
    assertThat(members("days since last(" + order + ") > 60", today))
        .as("drifting")
        .isEqualTo(drifting);
    assertThat(members("first(" + view + ") < " + today.minusDays(200), today))
        .as("early viewers")
        .isEqualTo(earlyViewers);
    assertThat(members("has tag " + flag + " and not did " + view, today))
        .as("flag holders who never viewed")
        .isEqualTo(neverViewedFlagged);
  }

  private static final java.math.BigDecimal THRESHOLD = new java.math.BigDecimal("150.50");

  @Test
  void readsThroughAnIndexRebuiltSincePairingAreRefusedAndTheNextCountPairsAgain() {
    LocalDate today = today();
    List<NewEvent> events = pricedEvents(300, today.minusDays(20), today);
    customers.recordEvents(events);
    int day0 = (int) today.toEpochDay();
    ruleDays.prepare(); // pairs the index's numbering, then the index numbers everyone afresh
    index.rebuild();
    io.tagbase.engine.CustomerDictionary after = index.withIndex((dictionary, tags) -> dictionary);
    io.tagbase.engine.rule.EventDays stale = ruleDays.through(after);
    assertThat(stale.covers(day0 - 6, day0)).as("what is held may still be asked").isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> stale.did(order, day0 - 6, day0))
        .isInstanceOf(io.tagbase.rules.RuleEventDays.IndexRebuilt.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                stale.tally(
                    io.tagbase.engine.rule.AggFn.COUNT, order, day0 - 6, day0, after.capacity()))
        .isInstanceOf(io.tagbase.rules.RuleEventDays.IndexRebuilt.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> stale.events(order, day0 - 6, day0, runs -> runs.size()))
        .isInstanceOf(io.tagbase.rules.RuleEventDays.IndexRebuilt.class);
    assertTallied(events, today); // counts after the rebuild pair the new numbering
  }

  @Test
  void aBackfillOverlappingLiveUpdatesCountsEveryEventOnce() {
    LocalDate today = today();
    List<NewEvent> events = pricedEvents(600, today.minusDays(20), today);
    published.clear();
    customers.recordEvents(events);
    long[] ids = published.stream(EventsRecorded.class).findFirst().orElseThrow().eventIds();
    EventActivity fresh =
        new EventActivity(repository, clock, zone.getId(), RETENTION, EVENT_DAYS, true);
    fresh.on(EventsRecorded.of(events.subList(0, 350), Arrays.copyOfRange(ids, 0, 350)));
    fresh.backfill();
    fresh.on(EventsRecorded.of(events.subList(200, 600), Arrays.copyOfRange(ids, 200, 600)));
    fresh.on(EventsRecorded.of(events.subList(0, 600), ids)); // a repeated notice, all of it

    int from = (int) today.minusDays(20).toEpochDay();
    int to = (int) today.toEpochDay() + 1;
    for (String type : List.of(order, view)) {
      Map<Integer, List<Long>> tallied = new TreeMap<>();
      fresh
          .days()
          .tally(
              type,
              from,
              to,
              (id, count, cents) ->
                  tallied.merge(
                      id,
                      List.of((long) count, cents),
                      (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1))));
      Map<Integer, List<Long>> expected = new TreeMap<>();
      for (NewEvent e : events) {
        if (e.type().equals(type)) {
          long cents = EventActivity.cents(e.amount(), e.properties());
          expected.merge(
              (int) e.customerId(),
              List.of(1L, cents == io.tagbase.engine.ActivityDays.NO_AMOUNT ? 0 : cents),
              (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
        }
      }
      assertThat(tallied).as(type).isEqualTo(expected);
      long held = events.stream().filter(e -> e.type().equals(type)).count();
      long kept =
          fresh.events(type, from, to, days -> days.stream().mapToLong(d -> d.size()).sum());
      assertThat(kept).as("%s events held once each", type).isEqualTo(held);
    }
  }

  @Test
  void anAmountIsTheColumnElseTheAmountPropertyInCents() {
    assertThat(EventActivity.cents(new java.math.BigDecimal("12.345"), null)).isEqualTo(1235);
    assertThat(EventActivity.cents(new java.math.BigDecimal("-0.005"), null)).isEqualTo(-1);
    assertThat(EventActivity.cents(new java.math.BigDecimal("3"), "{\"amount\": 9}"))
        .isEqualTo(300);
    assertThat(EventActivity.cents(null, "{\"amount\": 9.5, \"x\": 1}")).isEqualTo(950);
    assertThat(EventActivity.cents(null, "{\"amount\": true}")).isEqualTo(100);
    assertThat(EventActivity.cents(null, "{\"amount\": \"9\"}"))
        .isEqualTo(io.tagbase.engine.ActivityDays.NO_AMOUNT);
    assertThat(EventActivity.cents(null, "{\"amount\": "))
        .isEqualTo(io.tagbase.engine.ActivityDays.NO_AMOUNT);
    assertThat(EventActivity.cents(null, null)).isEqualTo(io.tagbase.engine.ActivityDays.NO_AMOUNT);
  }

  /**
   * Counts and sums of the amount over windows the tallies hold (and one they do not, 100 days,
   * which reads the event log) equal a brute-force sum over {@code events}.
   */
  private void assertTallied(List<NewEvent> events, LocalDate today) {
    for (int n : new int[] {1, 7, 30, 41, 100}) {
      LocalDate first = today.minusDays(n - 1);
      Map<String, Integer> orders = new HashMap<>();
      Map<String, Integer> views = new HashMap<>();
      Map<String, java.math.BigDecimal> spent = new HashMap<>();
      for (NewEvent e : events) {
        if (LocalDate.ofInstant(e.occurredAt(), zone).isBefore(first)) {
          continue;
        }
        String who = externalId(e.customerId());
        if (e.type().equals(view)) {
          views.merge(who, 1, Integer::sum);
          continue;
        }
        orders.merge(who, 1, Integer::sum);
        java.math.BigDecimal amount = amountAsRulesRead(e);
        if (amount != null) {
          spent.merge(who, amount, java.math.BigDecimal::add);
        }
      }
      Set<String> twice = new TreeSet<>();
      Set<String> big = new TreeSet<>();
      Set<String> flaggedWithoutViews = new TreeSet<>(holders);
      for (Customer c : people) {
        String who = c.externalId();
        if (orders.getOrDefault(who, 0) >= 2) {
          twice.add(who);
        }
        if (spent.getOrDefault(who, java.math.BigDecimal.ZERO).compareTo(THRESHOLD) >= 0) {
          big.add(who);
        }
        if (views.containsKey(who)) {
          flaggedWithoutViews.remove(who);
        }
      }
      assertThat(members("count(" + order + ", last " + n + " days) >= 2", today))
          .as("count in last %d days", n)
          .isEqualTo(twice);
      assertThat(members("sum(" + order + ", amount, last " + n + " days) >= " + THRESHOLD, today))
          .as("sum in last %d days", n)
          .isEqualTo(big);
      assertThat(
              members(
                  "has tag " + flag + " and count(" + view + ", last " + n + " days) = 0", today))
          .as("flag holders without views in the last %d days", n)
          .isEqualTo(flaggedWithoutViews);
    }
  }

  /**
   * Merges the first event's customer into a new profile and erases another customer with events;
   * returns {@code events} as they now stand (the merged one's moved, the erased one's gone).
   */
  private List<NewEvent> mergeAndErase(List<NewEvent> events) {
    // a merge gives the merged profile's events to the kept one; an erasure removes them
    Customer merged = customerOf(events.get(0));
    Customer kept =
        profiles.alias(
            merged.externalId(), Identity.of(IdentityKind.USER_ID, unique("u")), "tester");
    people.remove(merged);
    people.add(kept);
    Customer erased =
        people.stream()
            .filter(p -> p.id() != kept.id() && events.stream().anyMatch(e -> owns(p, e)))
            .findFirst()
            .orElseThrow();
    erasure.erase(erased.externalId(), "tester");
    people.remove(erased);
    holders.remove(erased.externalId());
    List<NewEvent> now = new ArrayList<>();
    for (NewEvent e : events) {
      if (e.customerId() == merged.id()) {
        now.add(
            new NewEvent(
                kept.id(), e.type(), e.occurredAt(), e.orderId(), e.amount(), e.properties()));
      } else if (e.customerId() != erased.id()) {
        now.add(e);
      }
    }
    return now;
  }

  /** The amount column rounded as stored, else a number {@code amount} property. */
  private static java.math.BigDecimal amountAsRulesRead(NewEvent e) {
    if (e.amount() != null) {
      return e.amount().setScale(2, java.math.RoundingMode.HALF_UP);
    }
    if (e.properties() != null && e.properties().startsWith("{\"amount\": ")) {
      return new java.math.BigDecimal(
          e.properties().substring("{\"amount\": ".length(), e.properties().length() - 1));
    }
    return null;
  }

  /**
   * Orders with amounts of every kind (none, in the column with two or three decimals, only as a
   * property, in both with the column winning) and views, on random days in {@code [first, last]},
   * each with a message id.
   */
  private List<NewEvent> pricedEvents(int count, LocalDate first, LocalDate last) {
    List<NewEvent> events = new ArrayList<>();
    for (NewEvent e : randomEvents(count, first, last)) {
      java.math.BigDecimal amount = null;
      String properties = null;
      if (e.type().equals(order)) {
        java.math.BigDecimal price = java.math.BigDecimal.valueOf(random.nextInt(20_000), 2);
        switch (random.nextInt(5)) {
          case 0 -> {}
          case 1 -> amount = java.math.BigDecimal.valueOf(random.nextInt(200_000), 3);
          case 2 -> properties = "{\"amount\": " + price + "}";
          case 3 -> {
            amount = price;
            properties = "{\"amount\": 99999}";
          }
          default -> amount = price;
        }
      }
      events.add(described(e, amount, properties));
    }
    return events;
  }

  /** {@code e} with an amount, properties and a message id of its own. */
  private static NewEvent described(NewEvent e, java.math.BigDecimal amount, String properties) {
    return new NewEvent(
        e.customerId(),
        e.type(),
        e.occurredAt(),
        null,
        amount,
        properties,
        UUID.randomUUID().toString(),
        "test");
  }

  private Customer customerOf(NewEvent e) {
    return people.stream().filter(p -> owns(p, e)).findFirst().orElseThrow();
  }

  private static boolean owns(Customer c, NewEvent e) {
    return c.id() == e.customerId();
  }

  private String externalId(long customerId) {
    return people.stream().filter(p -> p.id() == customerId).findFirst().orElseThrow().externalId();
  }

  /** The rule's members among this test's customers, by external id. */
  private Set<String> members(String rule, LocalDate asOf) {
    io.tagbase.engine.TagBitmap bits = rules.members(rule, asOf);
    Set<String> ours = new TreeSet<>();
    index.withIndex(
        (dictionary, tags) -> {
          for (Customer c : people) {
            var id = dictionary.find(c.externalId());
            if (id.isPresent() && bits.contains(id.getAsInt())) {
              ours.add(c.externalId());
            }
          }
          return null;
        });
    return ours;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /** {@code count} events of this test's types on random days in {@code [first, last]}. */
  private List<NewEvent> randomEvents(int count, LocalDate first, LocalDate last) {
    int span = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    List<NewEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Customer who = people.get(random.nextInt(people.size()));
      LocalDate day = first.plusDays(random.nextInt(span));
      Instant at = day.atStartOfDay(zone).toInstant().plusSeconds(random.nextInt(86_400));
      events.add(
          new NewEvent(who.id(), random.nextInt(3) == 0 ? order : view, at, null, null, null));
    }
    return events;
  }

  /** Database ids with an event of {@code type} in the days {@code [from, from + days)}. */
  private Set<Integer> bruteForce(List<NewEvent> events, String type, LocalDate from, int days) {
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = from.plusDays(days).atStartOfDay(zone).toInstant();
    Set<Integer> ids = new TreeSet<>();
    for (NewEvent e : events) {
      if (e.type().equals(type)
          && !e.occurredAt().isBefore(start)
          && e.occurredAt().isBefore(end)) {
        ids.add((int) e.customerId());
      }
    }
    return ids;
  }

  private Set<Integer> fromLog(String type, LocalDate from, int days) {
    Set<Integer> ids = new TreeSet<>();
    for (int id :
        repository.customersWithEvent(
            type,
            from.atStartOfDay(zone).toInstant(),
            from.plusDays(days).atStartOfDay(zone).toInstant())) {
      ids.add(id);
    }
    return ids;
  }

  private static Set<Integer> asSet(RoaringBitmap bits) {
    Set<Integer> ids = new TreeSet<>();
    bits.forEach((org.roaringbitmap.IntConsumer) ids::add);
    return ids;
  }

  /** The conversion figure's four counts against brute force over this test's customers. */
  private void assertConversion(
      List<NewEvent> events, String type, LocalDate from, int days, String source) {
    Figure figure = history.conversion(flag, type, from, days, true, Locale.ENGLISH);
    Set<Integer> converted = bruteForce(events, type, from, days);
    Map<Long, String> externalOf = new HashMap<>();
    people.forEach(p -> externalOf.put(p.id(), p.externalId()));
    long taggedConverted =
        converted.stream().filter(id -> holders.contains(externalOf.get((long) id))).count();
    assertThat(figure.facts())
        .as("%s from %s, %d days", type, from, days)
        .containsEntry("convertersSource", source);
    assertThat(figure.rows().get(0))
        .containsEntry("customers", (long) holders.size())
        .containsEntry("converted", taggedConverted);
    assertThat(figure.rows().get(1))
        .containsEntry("customers", (long) index.population() - holders.size())
        .containsEntry("converted", converted.size() - taggedConverted);
  }

  @Test
  void conversionInsideTheRetentionComesFromTheDaysAndEqualsTheLogAndBruteForce() {
    LocalDate today = today();
    List<NewEvent> events = randomEvents(1_500, today.minusDays(RETENTION - 1), today.plusDays(1));
    customers.recordEvents(events);

    for (int trial = 0; trial < 12; trial++) {
      LocalDate from = today.minusDays(RETENTION - 1 - random.nextInt(RETENTION - 5));
      int days = 1 + random.nextInt(40);
      String type = trial % 2 == 0 ? order : view;
      assertThat(activity.converters(type, from, days))
          .as("%s from %s, %d days", type, from, days)
          .hasValueSatisfying(
              bits ->
                  assertThat(asSet(bits))
                      .isEqualTo(bruteForce(events, type, from, days))
                      .isEqualTo(fromLog(type, from, days)));
      assertConversion(events, type, from, days, EventActivity.ACTIVITY);
    }
  }

  @Test
  void conversionOfAWindowOpeningBeforeTheRetentionReadsTheLog() {
    LocalDate today = today();
    List<NewEvent> events = randomEvents(1_000, today.minusDays(130), today);
    customers.recordEvents(events);

    for (int trial = 0; trial < 6; trial++) {
      LocalDate from = today.minusDays(RETENTION + random.nextInt(40));
      int days = 1 + random.nextInt(60);
      String type = trial % 2 == 0 ? order : view;
      assertThat(activity.converters(type, from, days)).isEmpty();
      assertThat(fromLog(type, from, days)).isEqualTo(bruteForce(events, type, from, days));
      assertConversion(events, type, from, days, EventActivity.EVENTS);
    }
    // the retention's first day is still inside
    assertConversion(events, order, today.minusDays(RETENTION - 1), 10, EventActivity.ACTIVITY);
  }

  @Test
  void aRolledBackWriteNeverReachesTheDays() {
    LocalDate today = today();
    List<NewEvent> committed = randomEvents(300, today.minusDays(5), today);
    customers.recordEvents(committed);
    List<NewEvent> rolledBack = new ArrayList<>();
    for (Customer who : people) {
      rolledBack.add(new NewEvent(who.id(), order, clock.instant(), null, null, null));
    }

    tx.executeWithoutResult(
        status -> {
          customers.recordEvents(rolledBack);
          status.setRollbackOnly();
        });

    LocalDate from = today.minusDays(5);
    assertThat(asSet(activity.converters(order, from, 7).orElseThrow()))
        .isEqualTo(bruteForce(committed, order, from, 7))
        .isEqualTo(fromLog(order, from, 7));
  }

  @Test
  void aBackfillReadsTheCommittedEventsAndOverlapsLiveUpdatesHarmlessly() {
    LocalDate today = today();
    List<NewEvent> old = randomEvents(200, today.minusDays(200), today.minusDays(RETENTION));
    List<NewEvent> recent = randomEvents(800, today.minusDays(RETENTION - 1), today);
    customers.recordEvents(old);
    published.clear();
    customers.recordEvents(recent);
    long[] ids = published.stream(EventsRecorded.class).findFirst().orElseThrow().eventIds();
    tx.executeWithoutResult(
        status -> {
          customers.recordEvents(
              List.of(new NewEvent(people.get(0).id(), order, clock.instant(), null, null, null)));
          status.setRollbackOnly();
        });
    EventActivity fresh =
        new EventActivity(repository, clock, zone.getId(), RETENTION, EVENT_DAYS, true);
    assertThat(fresh.converters(order, today, 1)).as("nothing before the backfill").isEmpty();
    fresh.on(
        EventsRecorded.of(
            recent.subList(0, 400),
            Arrays.copyOfRange(ids, 0, 400))); // live updates before and after it

    fresh.backfill();
    fresh.on(EventsRecorded.of(recent.subList(300, 800), Arrays.copyOfRange(ids, 300, 800)));

    LocalDate first = today.minusDays(RETENTION - 1);
    for (String type : List.of(order, view)) {
      assertThat(asSet(fresh.converters(type, first, RETENTION + 1).orElseThrow()))
          .isEqualTo(bruteForce(recent, type, first, RETENTION + 1))
          .isEqualTo(asSet(activity.converters(type, first, RETENTION + 1).orElseThrow()));
    }
    // the days before the retention were not read
    assertThat(asSet(fresh.days().union(order, Integer.MIN_VALUE, (int) first.toEpochDay())))
        .isEmpty();
  }

  @Test
  void daysLeavingTheRetentionAreDroppedAndWindowsThereReadTheLog() {
    LocalDate today = today();
    List<NewEvent> events = randomEvents(400, today.minusDays(20), today);
    customers.recordEvents(events);
    EventActivity shortKept =
        new EventActivity(repository, clock, zone.getId(), 10, EVENT_DAYS, true);
    shortKept.backfill();
    LocalDate tenDaysAgo = today.minusDays(9);
    assertThat(asSet(shortKept.converters(view, tenDaysAgo, 10).orElseThrow()))
        .isEqualTo(bruteForce(events, view, tenDaysAgo, 10));

    clock.advance(Duration.ofDays(3));
    shortKept.prune();

    assertThat(shortKept.converters(view, tenDaysAgo, 10)).isEmpty();
    LocalDate newFirst = tenDaysAgo.plusDays(3);
    assertThat(asSet(shortKept.converters(view, newFirst, 7).orElseThrow()))
        .isEqualTo(bruteForce(events, view, newFirst, 7));
    assertThat(asSet(shortKept.days().union(view, Integer.MIN_VALUE, (int) newFirst.toEpochDay())))
        .isEmpty();
  }

  @Test
  void erasedCustomersIdLeavesEveryDayAndConversionStillMatchesTheLog() {
    LocalDate today = today();
    List<NewEvent> events = randomEvents(600, today.minusDays(10), today);
    customers.recordEvents(events);
    Customer erased =
        people.stream().filter(p -> p.id() == events.get(0).customerId()).findFirst().orElseThrow();
    int erasedId = (int) erased.id();
    assertThat(
            asSet(activity.converters(events.get(0).type(), today.minusDays(10), 11).orElseThrow()))
        .contains(erasedId);

    erasure.erase(erased.externalId(), "tester");

    activity.days().forEachDay((type, day, ids) -> assertThat(ids.contains(erasedId)).isFalse());
    EventActivity fresh =
        new EventActivity(repository, clock, zone.getId(), RETENTION, EVENT_DAYS, true);
    fresh.backfill();
    fresh.days().forEachDay((type, day, ids) -> assertThat(ids.contains(erasedId)).isFalse());
    Customer gone = erased;
    people.remove(gone);
    holders.remove(gone.externalId());
    List<NewEvent> left = events.stream().filter(e -> e.customerId() != gone.id()).toList();
    assertConversion(left, order, today.minusDays(10), 11, EventActivity.ACTIVITY);
    assertThat(asSet(activity.converters(view, today.minusDays(10), 11).orElseThrow()))
        .isEqualTo(fromLog(view, today.minusDays(10), 11));
  }

  @Test
  void aMergedProfilesDaysBecomeTheKeptProfiles() {
    LocalDate today = today();
    Customer merged = people.get(0);
    customers.recordEvents(
        List.of(new NewEvent(merged.id(), order, clock.instant(), null, null, null)));

    Customer kept =
        profiles.alias(
            merged.externalId(), Identity.of(IdentityKind.USER_ID, unique("u")), "tester");

    assertThat(kept.id()).isNotEqualTo(merged.id());
    assertThat(asSet(activity.converters(order, today, 1).orElseThrow()))
        .containsExactly((int) kept.id())
        .isEqualTo(fromLog(order, today, 1));
  }
}
