package io.tagbase.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The generated data set: tag members and customer attributes, indexed by customer id {@code
 * 0..customers-1} (ids are in sign-up order). The same size and seed give the same data on every
 * JDK: each tag and each attribute has its own seeded {@link SplittableRandom}, and every floating
 * point step that decides a value uses {@link StrictMath}.
 *
 * <p>Attributes: {@code purchases30d} is 0 for ~70 % of customers, else 1 + geometric(0.4); {@code
 * lastPurchaseDay} (epoch day) is within the last 30 days exactly when purchases30d > 0; {@code
 * spendCents} is log-normal (median 80.00, sigma 1); {@code country} is Zipf(1) over 50 codes, code
 * 0 the most common.
 *
 * @param members for each tag id, its member ids in ascending order
 */
record BenchData(
    int customers,
    long seed,
    int[][] members,
    int[] lastPurchaseDay,
    int[] purchases30d,
    int[] spendCents,
    int[] country) {

  /** "Today" for the generated data, fixed so that results never depend on the clock. */
  static final int TODAY = (int) LocalDate.of(2026, 11, 1).toEpochDay();

  static final int COUNTRIES = 50;
  static final double SPEND_MEDIAN = 80.0;
  static final double SPEND_SIGMA = 1.0;
  // standard normal quantiles: 90th and 99th percentile of spend
  static final int HIGH_SPEND_CENTS = spendQuantileCents(1.2815515655446004);
  static final int VIP_CENTS = spendQuantileCents(2.3263478740408408);

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  static BenchData generate(int customers, long seed) {
    if (customers <= 0) {
      throw new IllegalArgumentException("customers must be > 0: " + customers);
    }
    int[] purchases = purchases30d(customers, stream(seed, 1));
    int[] lastDay = lastPurchaseDay(purchases, stream(seed, 2));
    int[] spend = spendCents(customers, stream(seed, 3));
    int[] country = country(customers, stream(seed, 4));
    int[][] members = new int[TagCatalogue.SIZE][];
    IntStream.range(0, TagCatalogue.SIZE)
        .parallel() // each tag has its own stream: the order of work does not matter
        .forEach(tag -> members[tag] = members(tag, customers, spend, stream(seed, 1000 + tag)));
    return new BenchData(customers, seed, members, lastDay, purchases, spend, country);
  }

  /** Total tag assignments. */
  long assignments() {
    long total = 0;
    for (int[] m : members) {
      total += m.length;
    }
    return total;
  }

  /** A fingerprint of every value, to check determinism across runs and JDKs. */
  long fingerprint() {
    long h = customers;
    for (int[] m : members) {
      h = h * 31 + Arrays.hashCode(m);
    }
    h = h * 31 + Arrays.hashCode(lastPurchaseDay);
    h = h * 31 + Arrays.hashCode(purchases30d);
    h = h * 31 + Arrays.hashCode(spendCents);
    return h * 31 + Arrays.hashCode(country);
  }

  private static SplittableRandom stream(long seed, int which) {
    return new SplittableRandom(seed * GOLDEN + which);
  }

  private static int[] members(int tag, int customers, int[] spend, SplittableRandom random) {
    if (tag >= TagCatalogue.FIRST_COHORT
        && tag < TagCatalogue.FIRST_COHORT + TagCatalogue.COHORTS) {
      int c = tag - TagCatalogue.FIRST_COHORT;
      int from = (int) ((long) customers * c / TagCatalogue.COHORTS);
      int to = (int) ((long) customers * (c + 1) / TagCatalogue.COHORTS);
      return IntStream.range(from, to).toArray();
    }
    if (tag == TagCatalogue.HIGH_SPEND || tag == TagCatalogue.VIP) {
      int threshold = tag == TagCatalogue.VIP ? VIP_CENTS : HIGH_SPEND_CENTS;
      return IntStream.range(0, customers).filter(id -> spend[id] >= threshold).toArray();
    }
    return bernoulli(customers, TagCatalogue.density(tag), random);
  }

  /** Each id independently with probability p, by geometric skips: O(members), not O(customers). */
  static int[] bernoulli(int customers, double p, SplittableRandom random) {
    int[] ids = new int[(int) Math.min(customers, customers * p * 1.1 + 64)];
    int n = 0;
    double logQ = StrictMath.log1p(-p);
    long id = -1;
    while (true) {
      double u = 1.0 - random.nextDouble(); // (0, 1]
      id += 1 + (long) StrictMath.floor(StrictMath.log(u) / logQ);
      if (id >= customers) {
        return Arrays.copyOf(ids, n);
      }
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, Math.min(customers, ids.length + (ids.length >> 1) + 1));
      }
      ids[n++] = (int) id;
    }
  }

  private static int[] purchases30d(int customers, SplittableRandom random) {
    int[] purchases = new int[customers];
    double logQ = StrictMath.log(0.6); // geometric(0.4) above the first purchase
    for (int id = 0; id < customers; id++) {
      if (random.nextDouble() >= 0.7) {
        double u = 1.0 - random.nextDouble();
        purchases[id] = (int) Math.min(60, 1 + StrictMath.floor(StrictMath.log(u) / logQ));
      }
    }
    return purchases;
  }

  private static int[] lastPurchaseDay(int[] purchases, SplittableRandom random) {
    int[] days = new int[purchases.length];
    for (int id = 0; id < days.length; id++) {
      if (purchases[id] > 0) {
        days[id] = TODAY - random.nextInt(30);
      } else {
        double u = 1.0 - random.nextDouble(); // exponential, mean 200 days before the window
        days[id] = TODAY - 30 - (int) Math.min(3000, StrictMath.floor(-StrictMath.log(u) * 200));
      }
    }
    return days;
  }

  private static int[] spendCents(int customers, SplittableRandom random) {
    int[] spend = new int[customers];
    double mu = StrictMath.log(SPEND_MEDIAN);
    for (int id = 0; id < customers; id++) {
      double u1 = 1.0 - random.nextDouble();
      double u2 = random.nextDouble();
      // Box-Muller: one standard normal from two uniforms
      double z = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
      double cents = StrictMath.floor(100 * StrictMath.exp(mu + SPEND_SIGMA * z));
      spend[id] = (int) Math.min(Integer.MAX_VALUE, cents);
    }
    return spend;
  }

  private static int[] country(int customers, SplittableRandom random) {
    double[] cumulative = new double[COUNTRIES];
    double total = 0;
    for (int r = 0; r < COUNTRIES; r++) {
      total += StrictMath.pow(r + 1, -1.0);
      cumulative[r] = total;
    }
    int[] country = new int[customers];
    for (int id = 0; id < customers; id++) {
      int at = Arrays.binarySearch(cumulative, random.nextDouble() * total);
      country[id] = Math.min(COUNTRIES - 1, at >= 0 ? at : -at - 1);
    }
    return country;
  }

  private static int spendQuantileCents(double z) {
    return (int)
        StrictMath.floor(100 * StrictMath.exp(StrictMath.log(SPEND_MEDIAN) + SPEND_SIGMA * z));
  }
}
