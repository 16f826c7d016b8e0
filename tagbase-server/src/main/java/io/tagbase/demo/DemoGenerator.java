package io.tagbase.demo;

import io.tagbase.customer.NewCustomer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates the demo data set from a seed and an anchor date ("today"). Same seed and date, same
 * data, on every JDK: only SplittableRandom and StrictMath decide values. Tags are derived from the
 * generated behaviour by the rules their descriptions state.
 */
final class DemoGenerator {
  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
    "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"
  };
  private static final String GIVEN_FEMALE = "芳娜秀英敏静丽艳娟兰霞桂华玉萍红玲芬燕欣怡诺佳琪晨曦雨桐婷雪梅倩";
  private static final String GIVEN_MALE = "伟强磊军洋勇杰涛明超平刚华彬鑫宇浩然子轩一思远俊熙博文辉建国";
  private static final String[] CITIES = {
    "上海", "北京", "广州", "深圳", "杭州", "成都", "武汉", "南京", "重庆", "西安", "苏州", "天津", "长沙", "郑州", "青岛", "厦门",
    "宁波", "合肥"
  };
  private static final List<String> TIER1 = List.of("上海", "北京", "广州", "深圳");
  private static final String[] CHANNELS = {"app", "mini_program", "web", "store", "wecom"};
  private static final double[] CHANNEL_WEIGHTS = {0.35, 0.30, 0.15, 0.12, 0.08};
  private static final String[] PRODUCTS = {
    "T恤", "连衣裙", "运动鞋", "背包", "保温杯", "耳机", "面霜", "咖啡豆", "茶叶", "台灯", "毛巾", "雨伞"
  };

  private final SplittableRandom random;
  private final LocalDate today;

  DemoGenerator(long seed, LocalDate today) {
    this.random = new SplittableRandom(seed);
    this.today = today;
  }

  DemoData generate(int customerCount) {
    List<NewCustomer> customers = new ArrayList<>(customerCount);
    List<List<DemoEvent>> events = new ArrayList<>(customerCount);
    double[] spend = new double[customerCount];
    for (int i = 0; i < customerCount; i++) {
      NewCustomer c = customer(i);
      customers.add(c);
      List<DemoEvent> own = events(i, c.signupDate());
      events.add(own);
      spend[i] =
          own.stream()
              .filter(e -> e.amount() != null)
              .mapToDouble(e -> e.amount().doubleValue())
              .sum();
    }
    double highValueCut = topDecileCut(spend);
    List<String[]> assignments = new ArrayList<>();
    for (int i = 0; i < customerCount; i++) {
      for (String tag :
          DemoTagRules.derive(
              customers.get(i), events.get(i), spend[i], highValueCut, today, TIER1)) {
        assignments.add(new String[] {customers.get(i).externalId(), tag});
      }
    }
    return new DemoData(
        DemoTaxonomy.categories(), DemoTaxonomy.tags(), customers, events, assignments);
  }

  private NewCustomer customer(int i) {
    String gender = random.nextDouble() < 0.54 ? "female" : "male";
    String name =
        SURNAMES[skewed(SURNAMES.length)]
            + given(gender.equals("female") ? GIVEN_FEMALE : GIVEN_MALE);
    int age = 18 + (int) StrictMath.min(57, StrictMath.abs(gaussian() * 12 + 16));
    String city = CITIES[skewed(CITIES.length)];
    String channel = CHANNELS[weighted(CHANNEL_WEIGHTS)];
    // Sign-ups over three years, more of them recently as the business grows.
    int daysAgo = (int) (1095 * StrictMath.pow(random.nextDouble(), 1.6));
    String phone =
        "1"
            + "3456789".charAt(random.nextInt(7))
            + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
    String email =
        random.nextDouble() < 0.6 ? String.format(Locale.ROOT, "c%05d@example.com", i + 1) : null;
    return new NewCustomer(
        String.format(Locale.ROOT, "C%05d", i + 1),
        name,
        gender,
        age,
        city,
        channel,
        today.minusDays(daysAgo),
        phone,
        email,
        null,
        null);
  }

  private List<DemoEvent> events(int customer, LocalDate signup) {
    List<DemoEvent> out = new ArrayList<>();
    // Events run from the sign-up day up to yesterday, so none lies in the future.
    long yesterday = today.toEpochDay() - 1;
    long activeDays = yesterday - signup.toEpochDay() + 1;
    if (activeDays <= 0) {
      return out;
    }
    // Activity is log-normal: most customers visit a few times, a few visit very often.
    double visitsPerMonth = StrictMath.exp(gaussian() * 0.9 + 0.6);
    // Some customers go quiet: their activity stops at a random point.
    long lastActiveDay =
        random.nextDouble() < 0.35
            ? signup.toEpochDay() + (long) (random.nextDouble() * activeDays)
            : yesterday;
    int visits = (int) StrictMath.min(60, StrictMath.round(visitsPerMonth * activeDays / 30.0));
    int orderSeq = 0;
    for (int v = 0; v < visits; v++) {
      long day =
          signup.toEpochDay()
              + (long) (random.nextDouble() * (lastActiveDay - signup.toEpochDay() + 1));
      Instant at =
          LocalDate.ofEpochDay(day)
              .atStartOfDay()
              .toInstant(ZoneOffset.ofHours(8))
              .plusSeconds(8 * 3600 + random.nextInt(14 * 3600));
      String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
      String props = "{\"product\":\"" + product + "\"}";
      out.add(new DemoEvent("view", at, null, null, props));
      double r = random.nextDouble();
      if (r < 0.30) {
        out.add(
            new DemoEvent(
                "add_to_cart", at.plusSeconds(60 + random.nextInt(600)), null, null, props));
        if (r < 0.17) {
          orderSeq++;
          double amount = StrictMath.exp(gaussian() * 0.7 + 5.2);
          out.add(
              new DemoEvent(
                  "order",
                  at.plusSeconds(900 + random.nextInt(1800)),
                  String.format(Locale.ROOT, "O%05d-%03d", customer + 1, orderSeq),
                  BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP),
                  props));
        }
      }
    }
    out.sort((a, b) -> a.at().compareTo(b.at()));
    return out;
  }

  private static double topDecileCut(double[] spend) {
    double[] sorted = Arrays.stream(spend).filter(s -> s > 0).sorted().toArray();
    if (sorted.length == 0) {
      return Double.MAX_VALUE;
    }
    return sorted[(int) StrictMath.min(sorted.length - 1, StrictMath.floor(sorted.length * 0.9))];
  }

  private String given(String chars) {
    int length = random.nextDouble() < 0.7 ? 2 : 1;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(chars.charAt(random.nextInt(chars.length())));
    }
    return sb.toString();
  }

  /** An index in [0, n) with earlier entries more likely (roughly Zipf-like). */
  private int skewed(int n) {
    return (int)
        StrictMath.min(n - 1, StrictMath.floor(n * StrictMath.pow(random.nextDouble(), 2.2)));
  }

  private int weighted(double[] weights) {
    double r = random.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** A standard normal value by Box-Muller, with StrictMath so every JDK agrees. */
  private double gaussian() {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
  }
}
