package io.tagbase.engine.rule;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded random population in two forms: a plain model (lists and maps, read by {@link
 * ReferenceEvaluator}) and the engine's {@link RuleData} and {@link CustomerRecord}s built from it.
 */
final class RuleWorld {
  static final LocalDate DAY0 = LocalDate.of(2026, 3, 1);
  static final List<String> CITIES = List.of("上海", "北京", "深圳", "London", "New York", "");
  static final List<String> LEVELS = List.of("gold", "silver", "bronze");
  static final List<String> INTERESTS = List.of("music", "sport", "travel", "food");
  static final List<String> RFM = List.of("champion", "loyal", "at_risk");
  static final List<String> FLAGS = List.of("vip", "churn_risk", "new");
  static final List<String> COUNTRIES = List.of("UK", "CN", "US");
  static final List<String> SKUS = List.of("a", "b", "c", "d");
  static final List<String> PAGES = List.of("home", "cart", "pay");

  record Ev(String type, int day, Map<String, Object> props) {}

  record Customer(
      int id, boolean live, Map<String, Object> attrs, Set<String> tags, List<Ev> events) {}

  static final RuleSchema SCHEMA =
      RuleSchema.builder()
          .attribute("city", FieldType.STRING, "城市")
          .attribute("age", FieldType.NUMBER, "年龄")
          .attribute(new RuleSchema.Field("vip_level", FieldType.ENUM, List.of("会员等级"), LEVELS))
          .attribute("active", FieldType.BOOLEAN, "是否活跃")
          .attribute("birthday", FieldType.DATE, "生日")
          .attribute("signup_at", FieldType.DATETIME, "注册时间")
          .attribute("interests", FieldType.LIST, "兴趣")
          .flagTag("vip", "高价值客户")
          .flagTag("churn_risk", "流失风险")
          .flagTag("new", "新客")
          .layeredTag("rfm", RFM, "RFM分层")
          .event(
              "order",
              List.of(
                  prop("country", FieldType.STRING, "国家"),
                  prop("quantity", FieldType.NUMBER, "数量"),
                  prop("unit_price", FieldType.NUMBER, "单价"),
                  prop("coupon", FieldType.BOOLEAN, "用券"),
                  prop("sku", FieldType.STRING, "商品"),
                  prop("amount", FieldType.NUMBER, "金额")),
              "下单")
          .event(
              "visit",
              List.of(
                  prop("page", FieldType.STRING, "页面"), prop("seconds", FieldType.NUMBER, "时长")),
              "访问")
          .build();

  final List<Customer> customers = new ArrayList<>();
  final RuleData data;

  RuleWorld(long seed, int size) {
    Random random = new Random(seed);
    CustomerDictionary dictionary = new CustomerDictionary();
    TagIndex index = new TagIndex();
    EventLog log = new EventLog();
    data = new RuleData(SCHEMA, dictionary, index, log);
    List<Ev> all = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int id = dictionary.intern("c" + i);
      Customer c =
          new Customer(
              id, random.nextInt(20) != 0, attributes(random), tags(random), new ArrayList<>());
      customers.add(c);
      c.attrs().forEach((k, v) -> data.set(k, id, v));
      c.tags().forEach(t -> index.assign(t, id));
      for (int e = random.nextInt(9); e > 0; e--) {
        Ev ev = event(random);
        all.add(ev);
        owners.add(id);
      }
    }
    // interleave customers' events in the log, as real traffic does
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    for (int i : order) {
      Ev ev = all.get(i);
      Customer owner = customers.get(owners.get(i));
      owner.events().add(ev);
      log.append(owner.id(), ev.type(), ev.day(), ev.props());
    }
    customers.stream().filter(c -> !c.live()).forEach(c -> dictionary.remove("c" + c.id()));
    index.optimize(dictionary.capacity());
  }

  CustomerRecord record(Customer c) {
    List<CustomerEvent> events =
        c.events().stream().map(e -> new CustomerEvent(e.type(), e.day(), e.props())).toList();
    return new CustomerRecord(c.attrs(), c.tags(), events);
  }

  private static RuleSchema.Field prop(String code, FieldType type, String alias) {
    return new RuleSchema.Field(code, type, List.of(alias), List.of());
  }

  static Map<String, Object> attributes(Random r) {
    Map<String, Object> a = new HashMap<>();
    maybe(r, a, "city", CITIES.get(r.nextInt(CITIES.size())));
    maybe(
        r, a, "age", r.nextInt(4) == 0 ? 10 + r.nextInt(70) + 0.5 : (double) (10 + r.nextInt(70)));
    maybe(r, a, "vip_level", LEVELS.get(r.nextInt(LEVELS.size())));
    maybe(r, a, "active", r.nextBoolean());
    maybe(r, a, "birthday", DAY0.minusDays(r.nextInt(210) - 10));
    maybe(
        r,
        a,
        "signup_at",
        Instant.ofEpochSecond(
            DAY0.minusDays(r.nextInt(210) - 10).toEpochDay() * 86_400 + r.nextInt(86_400)));
    List<String> interests = new ArrayList<>();
    INTERESTS.forEach(
        i -> {
          if (r.nextInt(3) == 0) {
            interests.add(i);
          }
        });
    maybe(r, a, "interests", interests);
    return a;
  }

  private static void maybe(Random r, Map<String, Object> a, String key, Object value) {
    if (r.nextInt(5) != 0) {
      a.put(key, value);
    }
  }

  private static Set<String> tags(Random r) {
    Set<String> tags = new HashSet<>();
    FLAGS.forEach(
        f -> {
          if (r.nextInt(3) == 0) {
            tags.add(f);
          }
        });
    if (r.nextInt(10) < 7) {
      tags.add("rfm");
      tags.add("rfm=" + RFM.get(r.nextInt(RFM.size())));
    }
    return tags;
  }

  private static Ev event(Random r) {
    int day =
        (int) DAY0.toEpochDay() - r.nextInt(130) + 10; // a few after DAY0: never read as of DAY0
    Map<String, Object> p = new HashMap<>();
    if (r.nextInt(3) > 0) {
      maybe(r, p, "country", COUNTRIES.get(r.nextInt(COUNTRIES.size())));
      maybe(r, p, "quantity", (double) (1 + r.nextInt(5)));
      maybe(r, p, "unit_price", (1 + r.nextInt(40)) / 2.0);
      maybe(r, p, "coupon", r.nextBoolean());
      maybe(r, p, "sku", SKUS.get(r.nextInt(SKUS.size())));
      if (p.get("quantity") instanceof Double q && p.get("unit_price") instanceof Double u) {
        p.put("amount", q * u); // no draw of its own: the worlds of every seed stay as they were
      }
      return new Ev("order", day, p);
    }
    maybe(r, p, "page", PAGES.get(r.nextInt(PAGES.size())));
    maybe(r, p, "seconds", (double) (1 + r.nextInt(100)));
    return new Ev("visit", day, p);
  }
}
