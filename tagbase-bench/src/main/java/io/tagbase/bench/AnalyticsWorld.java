package io.tagbase.bench;

import io.tagbase.engine.ActivityDays;
import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.StoredChunks;
import io.tagbase.engine.StoredIds;
import io.tagbase.engine.TagIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.roaringbitmap.RoaringBitmap;

/**
 * The analytics bench's data: {@link BenchData}'s 200 flag tags, plus four layered tags drawn per
 * customer from a seeded stream: a lifecycle stage on three dates (two stored days, then now), a
 * value tier (at a stored day and now), and recency and frequency scores 1..5. One customer in 997
 * is erased after tagging (a hole in the dictionary; half of them also forgotten by {@link
 * StoredIds}, as an erasure does, the other half still paired, as a merged-away profile is).
 *
 * <p>Database ids are the dictionary id plus one plus a gap every 50 (rows deleted before the last
 * rebuild), so every stored set really is translated. The stored days hold the bytes the server
 * keeps in analytics_members: {@link StoredChunks} of each value's holders' database ids.
 *
 * <p>Events: {@value #EVENTS_PER_CUSTOMER} per customer in the {@value #WINDOW_DAYS}-day window
 * (30M at 10M customers) plus {@value #DAYS_BEFORE} days before it at the same rate, a third of
 * them {@code order}, the rest {@code view}, on uniformly random customers and days, kept as the
 * server keeps them: {@link ActivityDays} of database ids per type and day. {@code converters} are
 * the database ids with an order in the window, found by brute force while generating, {@code
 * orders} and {@code orderCents} each database id's orders in the window and their amounts' sum
 * (orders cost 1.00 to 200.99, derived from the event's number). Every event is kept with its
 * properties (an order's category of five, sku of 1,000 and amount; a view's page of three), as the
 * server keeps its last {@code tagbase.analytics.event-days}; {@code behaviour} holds what the
 * filtered and other aggregates over them must answer.
 */
record AnalyticsWorld(
    CustomerDictionary dictionary,
    TagIndex index,
    StoredIds ids,
    BenchData data,
    int[][] stage,
    int[] tierAtStart,
    int[] tier,
    int[] recency,
    int[] frequency,
    List<List<List<byte[]>>> storedStages,
    List<RoaringBitmap> storedTierDay,
    ActivityDays activity,
    long events,
    int[] converters,
    int[] orders,
    long[] orderCents,
    Behaviour behaviour) {

  /**
   * Per database id, over the window's orders, found by brute force while generating: orders of
   * category {@code c1}, the first sku and whether a second one came, the last order's day; and
   * over every day generated, the orders and the last order's day.
   */
  record Behaviour(
      int[] c1Orders,
      int[] firstSku,
      boolean[] twoSkus,
      int[] lastOrder,
      int[] ordersEver,
      int[] lastOrderEver) {}

  static final String[] CATEGORIES = {"c0", "c1", "c2", "c3", "c4"};
  static final String[] PAGES = {"home", "cart", "pay"};
  static final String[] SKUS = skus(1_000);

  private static String[] skus(int n) {
    String[] skus = new String[n];
    for (int i = 0; i < n; i++) {
      skus[i] = "s" + i;
    }
    return skus;
  }

  static final String LIFECYCLE = "lifecycle";
  static final String TIER = "tier";
  static final String RECENCY = "r_score";
  static final String FREQUENCY = "f_score";
  static final List<String> LAYERED = List.of(LIFECYCLE, TIER, RECENCY, FREQUENCY);
  static final int STAGES = 5;
  static final int TIERS = 4;
  static final int SCORES = 5;
  static final int EVENTS_PER_CUSTOMER = 3;
  static final int WINDOW_DAYS = 30;
  static final int DAYS_BEFORE = 5;

  /** The conversion window's first day (an epoch day) and the day after its last. */
  static final int WINDOW_FROM = (int) java.time.LocalDate.of(2026, 10, 2).toEpochDay();

  static final int WINDOW_TO = WINDOW_FROM + WINDOW_DAYS;

  /** How many values a layered tag has. */
  static int values(String tag) {
    return tag.equals(TIER) ? TIERS : tag.equals(LIFECYCLE) ? STAGES : SCORES;
  }

  /** The index key of a layered tag's value. */
  static String key(String tag, int value) {
    return tag + "=v" + value;
  }

  List<String> valueKeys(String tag) {
    List<String> keys = new ArrayList<>();
    for (int v = 0; v < values(tag); v++) {
      keys.add(key(tag, v));
    }
    return keys;
  }

  /** The database id a customer's row would have. */
  static int storedId(int id) {
    return id + id / 50 + 1;
  }

  /** The per-customer value of a layered tag now; -1 when the customer has none. */
  int valueNow(String tag, int id) {
    return switch (tag) {
      case LIFECYCLE -> stage[2][id];
      case TIER -> tier[id];
      case RECENCY -> recency[id];
      default -> frequency[id];
    };
  }

  /** Live customers with both scores: the RFM grid's total. */
  long scored() {
    long n = 0;
    for (int id = 0; id < recency.length; id++) {
      if (recency[id] >= 0 && frequency[id] >= 0 && dictionary.isLive(id)) {
        n++;
      }
    }
    return n;
  }

  /** The stored chunks of the lifecycle's values on stored day 0 or 1. */
  List<List<byte[]>> storedDay(int day) {
    return storedStages.get(day);
  }

  static AnalyticsWorld build(int customers, long seed) {
    BenchData data = BenchData.generate(customers, seed);
    CustomerDictionary dictionary = new CustomerDictionary();
    TagIndex index = new TagIndex();
    StoredIds ids = new StoredIds();
    for (int id = 0; id < customers; id++) {
      dictionary.intern(TagbaseEngine.externalId(id));
      ids.put(id, storedId(id));
    }
    List<String> names = TagCatalogue.names();
    for (int tag = 0; tag < names.size(); tag++) {
      for (int id : data.members()[tag]) {
        index.assign(names.get(tag), id);
      }
    }
    SplittableRandom random = new SplittableRandom(seed * 31 + 9);
    int[][] stage = new int[3][customers];
    int[] tierAtStart = new int[customers];
    int[] tier = new int[customers];
    int[] recency = new int[customers];
    int[] frequency = new int[customers];
    for (int id = 0; id < customers; id++) {
      stage[0][id] = random.nextInt(10) == 0 ? -1 : random.nextInt(STAGES);
      for (int day = 1; day < 3; day++) {
        int before = stage[day - 1][id];
        int roll = random.nextInt(100);
        // most stay; some move one stage on, some lose or gain the tag
        stage[day][id] =
            roll < 70
                ? before
                : roll < 90 ? (before + 1) % STAGES : roll < 95 ? -1 : random.nextInt(STAGES);
      }
      tierAtStart[id] = random.nextInt(5) - 1;
      tier[id] = random.nextInt(4) == 0 ? random.nextInt(5) - 1 : tierAtStart[id];
      boolean scoredCustomer = random.nextInt(10) != 0;
      recency[id] = scoredCustomer ? random.nextInt(SCORES) : -1;
      frequency[id] = scoredCustomer ? random.nextInt(SCORES) : -1;
      assign(index, LIFECYCLE, stage[2][id], id);
      assign(index, TIER, tier[id], id);
      assign(index, RECENCY, recency[id], id);
      assign(index, FREQUENCY, frequency[id], id);
    }
    for (int id = 996; id < customers; id += 997) {
      dictionary.remove(TagbaseEngine.externalId(id));
      index.removeCustomer(id);
      if (id % 2 == 0) {
        ids.forgetStored(storedId(id));
      }
    }
    index.optimize(dictionary.capacity());

    List<List<List<byte[]>>> storedStages = new ArrayList<>();
    for (int day = 0; day < 2; day++) {
      storedStages.add(chunks(stored(stage[day], STAGES)));
    }
    List<RoaringBitmap> storedTierDay = stored(tierAtStart, TIERS);

    // events as the server keeps them: per type and day, the database ids active that day; some
    // of erased customers, one of a customer the index does not know
    ActivityDays activity = new ActivityDays();
    boolean[] ordered = new boolean[storedId(customers - 1) + 6];
    int[] orders = new int[ordered.length];
    long[] cents = new long[ordered.length];
    Behaviour behaviour =
        new Behaviour(
            new int[ordered.length],
            new int[ordered.length],
            new boolean[ordered.length],
            new int[ordered.length],
            new int[ordered.length],
            new int[ordered.length]);
    java.util.Arrays.fill(behaviour.firstSku(), -1);
    java.util.Arrays.fill(behaviour.lastOrder(), Integer.MIN_VALUE);
    java.util.Arrays.fill(behaviour.lastOrderEver(), Integer.MIN_VALUE);
    int dayCount = WINDOW_DAYS + DAYS_BEFORE;
    long events = (long) customers * EVENTS_PER_CUSTOMER * dayCount / WINDOW_DAYS;
    List<ActivityDays.Activity> batch = new ArrayList<>();
    for (long e = 0; e < events; e++) {
      int stored = storedId(random.nextInt(customers));
      int day = WINDOW_FROM - DAYS_BEFORE + random.nextInt(dayCount);
      boolean order = random.nextInt(3) == 0;
      long amount = order ? 100 + e * 7_919 % 20_000 : ActivityDays.NO_AMOUNT; // no draw of its own
      int category = (int) (e * 31 % CATEGORIES.length); // nor these
      int sku = (int) (e * 17 % SKUS.length);
      java.util.Map<String, Object> properties =
          order
              ? java.util.Map.of(
                  "category", CATEGORIES[category], "sku", SKUS[sku], "amount", amount / 100.0)
              : java.util.Map.of("page", PAGES[(int) (e % PAGES.length)]);
      batch.add(
          new ActivityDays.Activity(order ? "order" : "view", day, stored, e, amount, properties));
      if (batch.size() == 10_000) {
        activity.addAll(batch);
        batch.clear();
      }
      if (order) {
        behaviour.ordersEver()[stored]++;
        behaviour.lastOrderEver()[stored] = Math.max(behaviour.lastOrderEver()[stored], day);
      }
      if (order && day >= WINDOW_FROM) {
        ordered[stored] = true;
        orders[stored]++;
        cents[stored] += amount;
        behaviour.c1Orders()[stored] += category == 1 ? 1 : 0;
        int first = behaviour.firstSku()[stored];
        if (first < 0) {
          behaviour.firstSku()[stored] = sku;
        } else if (first != sku) {
          behaviour.twoSkus()[stored] = true;
        }
        behaviour.lastOrder()[stored] = Math.max(behaviour.lastOrder()[stored], day);
      }
    }
    activity.addAll(batch);
    int unknown = storedId(customers - 1) + 5;
    activity.add("order", WINDOW_FROM, unknown);
    ordered[unknown] = true;
    orders[unknown]++;
    activity.trim();
    int[] converters = new int[countTrue(ordered)];
    for (int stored = 0, n = 0; stored < ordered.length; stored++) {
      if (ordered[stored]) {
        converters[n++] = stored;
      }
    }
    return new AnalyticsWorld(
        dictionary,
        index,
        ids,
        data,
        stage,
        tierAtStart,
        tier,
        recency,
        frequency,
        storedStages,
        storedTierDay,
        activity,
        events + 1,
        converters,
        orders,
        cents,
        behaviour);
  }

  private static int countTrue(boolean[] flags) {
    int n = 0;
    for (boolean flag : flags) {
      if (flag) {
        n++;
      }
    }
    return n;
  }

  private static void assign(TagIndex index, String tag, int value, int id) {
    if (value >= 0) {
      index.assign(tag, id);
      index.assign(key(tag, value), id);
    }
  }

  /** Each value's holders as database ids, erased customers included (stored before erasure). */
  private static List<RoaringBitmap> stored(int[] valueOf, int values) {
    List<RoaringBitmap> sets = new ArrayList<>();
    for (int v = 0; v < values; v++) {
      sets.add(new RoaringBitmap());
    }
    for (int id = 0; id < valueOf.length; id++) {
      if (valueOf[id] >= 0) {
        sets.get(valueOf[id]).add(storedId(id));
      }
    }
    return sets;
  }

  private static List<List<byte[]>> chunks(List<RoaringBitmap> sets) {
    List<List<byte[]>> chunks = new ArrayList<>();
    for (RoaringBitmap set : sets) {
      chunks.add(new ArrayList<>(StoredChunks.split(set).values()));
    }
    return chunks;
  }
}
