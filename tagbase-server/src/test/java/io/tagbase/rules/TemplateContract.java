package io.tagbase.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.TestClock;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewCustomer;
import io.tagbase.customer.NewEvent;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.RefreshMode;
import io.tagbase.taxonomy.TagKind;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TagValueType;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Template tags against a real database: layered first-match lists, RFM tiers and scores, and
 * lifecycle stages match a brute-force reference written from the definitions; value moves reach
 * the history; bad settings are refused naming the setting. Run on H2 and on a real PostgreSQL.
 */
abstract class TemplateContract {
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired TemplateService templates;
  @Autowired TemplateTags templateTags;
  @Autowired RuleService rules;
  @Autowired CustomerService customers;
  @Autowired TaxonomyService taxonomy;
  @Autowired MembershipIndex index;
  @Autowired TestClock clock;

  String category;

  static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @BeforeEach
  void category() {
    category = unique("cat");
    taxonomy.createCategory(new NewCategory(category, null, "分类", "Category", 1));
  }

  String layeredTag(String... values) {
    String code = unique("lay");
    List<TagValue> list = new ArrayList<>();
    for (String v : values) {
      list.add(new TagValue(v, v + "中", v + " en"));
    }
    taxonomy.createTag(
        new NewTag(
            code,
            category,
            "分层" + code,
            "Layered " + code,
            null,
            null,
            TagKind.RULE,
            null,
            null,
            TagValueType.LAYERED,
            list,
            RefreshMode.SCHEDULED,
            null,
            null),
        "tester");
    return code;
  }

  String customer(String city) {
    String id = unique("c");
    customers.create(
        new NewCustomer(id, "客户", null, null, city, null, null, null, null, null, null));
    return id;
  }

  void order(String customer, String type, int daysAgo, String orderId, double amount, int qty) {
    customers.recordEvents(
        List.of(
            new NewEvent(
                customers.get(customer).id(),
                type,
                clock.instant().minus(Duration.ofDays(daysAgo)),
                orderId,
                BigDecimal.valueOf(amount),
                "{\"quantity\":" + qty + "}")));
  }

  /** The customer's value of a layered tag, from the index; null when not held. */
  String valueOf(String customer, String tag) {
    return index.tagsOf(customer).stream()
        .filter(k -> k.startsWith(tag + "="))
        .map(k -> k.substring(tag.length() + 1))
        .findFirst()
        .orElse(null);
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @Test
  void layeredTagTakesTheFirstBranchThatHoldsElseTheElseValue() {
    String type = unique("buy");
    String tag = layeredTag("big", "city", "rest");
    Random random = new Random(3);
    Map<String, String> expected = new HashMap<>();
    for (int i = 0; i < 25; i++) {
      String city = random.nextBoolean() ? "上海" : "北京";
      String id = customer(city);
      int n = random.nextInt(4);
      for (int e = 0; e < n; e++) {
        order(id, type, random.nextInt(40), null, 10, 1);
      }
      expected.put(id, n >= 2 ? "big" : city.equals("上海") ? "city" : "rest");
    }
    TemplatePreview result =
        templates.save(
            tag,
            new TagTemplate.Layered(
                List.of(
                    new TagTemplate.Branch("big", "count(`" + type + "`) >= 2"),
                    new TagTemplate.Branch("city", "城市 = 上海")),
                "rest"),
            "tester");
    expected.forEach((id, value) -> assertThat(valueOf(id, tag)).as(id).isEqualTo(value));
    assertThat(result.tags().get(0).tag()).isEqualTo(tag);
    assertThat(rules.get(tag).program()).isEqualTo("LAYERED");
    assertThat(
            jdbc.sql(
                    "select detail from audit_log where action = 'TEMPLATE_SAVED' and target_id ="
                        + " :t")
                .param("t", tag)
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .startsWith("LAYERED {");

    // a customer who buys twice more moves from city/rest to big
    String mover =
        expected.entrySet().stream()
            .filter(e -> !e.getValue().equals("big"))
            .findFirst()
            .orElseThrow()
            .getKey();
    String before = expected.get(mover);
    order(mover, type, 0, null, 10, 1);
    order(mover, type, 0, null, 10, 1);
    // in real time: the events' commit re-evaluates the list for this customer
    assertThat(valueOf(mover, tag)).isEqualTo("big");
    TemplatePreview again = templates.evaluate(tag, today());
    assertThat(again.tags().get(0).values())
        .allSatisfy(v -> assertThat(v.entering() + v.leaving()).isZero());
    List<String> moves =
        jdbc.sql(
                "select h.action || ':' || h.value_code from tag_history h join customer c on c.id"
                    + " = h.customer_id join tag t on t.id = h.tag_id where c.external_id = :c and"
                    + " t.code = :t order by h.id")
            .param("c", mover)
            .param("t", tag)
            .query(String.class)
            .list();
    assertThat(moves).containsExactly("ENTER:" + before, "LEAVE:" + before, "ENTER:big");
  }

  @Test
  void rfmTiersAndScoresMatchTheDefinitions() {
    String type = unique("order");
    String tier = unique("rfm");
    templateTags.createRfmTags(tier, category, "价值", "Value", 5, "tester");
    Random random = new Random(17);
    List<String> ids = new ArrayList<>();
    Map<String, double[]> measures = new HashMap<>();
    for (int i = 0; i < 60; i++) {
      String id = customer("上海");
      ids.add(id);
      int lines = random.nextInt(7);
      int last = Integer.MAX_VALUE;
      Set<String> orders = new HashSet<>();
      double sum = 0;
      for (int e = 0; e < lines; e++) {
        int daysAgo = random.nextInt(200);
        String orderId = id + "-" + random.nextInt(3);
        double amount = 1 + random.nextInt(50) * 2.5;
        int qty = random.nextInt(6) == 0 ? -1 : 1 + random.nextInt(3);
        order(id, type, daysAgo, orderId, amount, qty);
        if (qty > 0) {
          last = Math.min(last, daysAgo);
          orders.add(orderId);
          sum += amount;
        }
      }
      if (last != Integer.MAX_VALUE) {
        measures.put(id, new double[] {last, orders.size(), sum});
      }
    }
    TagTemplate.Rfm defaults = TemplateTags.defaultRfm(tier, type, 5);
    TagTemplate.Rfm settings =
        new TagTemplate.Rfm(
            type,
            "quantity > 0",
            null,
            "orders",
            "order_id",
            "amount",
            5,
            null,
            null,
            null,
            defaults.segments(),
            "others",
            tier + "_r",
            tier + "_f",
            tier + "_m");
    TemplatePreview result = templates.save(tier, settings, "tester");

    // the reference: type 7 quantiles, ties to the lower band, recency reversed
    double[][] cuts = new double[3][];
    for (int k = 0; k < 3; k++) {
      final int measure = k;
      double[] sorted = measures.values().stream().mapToDouble(m -> m[measure]).sorted().toArray();
      cuts[k] = new double[4];
      for (int i = 1; i <= 4; i++) {
        double h = (sorted.length - 1) * i / 5.0;
        int lo = (int) Math.floor(h);
        double q = sorted[lo];
        if (lo + 1 < sorted.length) {
          q += (h - lo) * (sorted[lo + 1] - sorted[lo]);
        }
        cuts[k][i - 1] = q;
      }
    }
    for (String id : ids) {
      double[] m = measures.get(id);
      if (m == null) {
        assertThat(valueOf(id, tier)).as(id).isNull();
        assertThat(valueOf(id, tier + "_r")).isNull();
        continue;
      }
      int[] scores = new int[3];
      for (int k = 0; k < 3; k++) {
        int band = 1;
        for (double c : cuts[k]) {
          if (c < m[k] - 1e-9) {
            band++;
          }
        }
        scores[k] = k == 0 ? 6 - band : band;
      }
      assertThat(valueOf(id, tier + "_r"))
          .as("r of %s", Arrays.toString(m))
          .isEqualTo("s" + scores[0]);
      assertThat(valueOf(id, tier + "_f"))
          .as("f of %s", Arrays.toString(m))
          .isEqualTo("s" + scores[1]);
      assertThat(valueOf(id, tier + "_m"))
          .as("m of %s", Arrays.toString(m))
          .isEqualTo("s" + scores[2]);
      int r = scores[0];
      int f = scores[1];
      int mm = scores[2];
      String expected =
          r >= 4 && f >= 4 && mm >= 4
              ? "champions"
              : f >= 4 && mm >= 3
                  ? "loyal"
                  : r >= 4 && f <= 2
                      ? "potential"
                      : r <= 2 && f >= 3 ? "at_risk" : r <= 2 && f <= 2 ? "hibernating" : "others";
      assertThat(valueOf(id, tier)).as("tier of %s", id).isEqualTo(expected);
    }
    assertThat(result.summary()).contains(measures.size() + " customers scored");
    assertThat(result.tags())
        .extracting(TemplatePreview.TagOutcome::tag)
        .containsExactly(tier, tier + "_r", tier + "_f", tier + "_m");
    assertThat(result.tags().get(0).members()).isEqualTo(measures.size());
  }

  @Test
  void lifecycleStagesFollowTheOrdersAndMoveAsDaysPass() {
    String type = unique("order");
    String tag = unique("life");
    templateTags.createLifecycleTag(tag, category, "生命周期", "Lifecycle", "tester");
    String fresh = customer("上海");
    order(fresh, type, 10, null, 5, 1);
    String active = customer("上海");
    order(active, type, 200, null, 5, 1);
    order(active, type, 150, null, 5, 1);
    order(active, type, 40, null, 5, 1);
    String dormant = customer("上海");
    order(dormant, type, 300, null, 5, 1);
    order(dormant, type, 120, null, 5, 1);
    String churned = customer("上海");
    order(churned, type, 400, null, 5, 1);
    String wonBack = customer("上海");
    order(wonBack, type, 500, null, 5, 1);
    order(wonBack, type, 5, null, 5, 1);
    String never = customer("上海");
    templates.save(tag, new TagTemplate.Lifecycle(type, null, 30, 90, 180), "tester");
    assertThat(valueOf(fresh, tag)).isEqualTo("new");
    assertThat(valueOf(active, tag)).isEqualTo("active");
    assertThat(valueOf(dormant, tag)).isEqualTo("dormant");
    assertThat(valueOf(churned, tag)).isEqualTo("churned");
    assertThat(valueOf(wonBack, tag)).isEqualTo("won_back");
    assertThat(valueOf(never, tag)).isNull();

    // 100 days later, with no new orders: new -> dormant, active -> dormant, dormant -> churned
    // (the clock is shared with other tests in this context: it is set back at the end)
    clock.advance(Duration.ofDays(100));
    try {
      lifecycleMovesAfter100Days(tag, fresh, active, dormant, wonBack);
    } finally {
      clock.advance(Duration.ofDays(-100));
    }
  }

  private void lifecycleMovesAfter100Days(
      String tag, String fresh, String active, String dormant, String wonBack) {
    rules.evaluateTimeRelative();
    assertThat(valueOf(fresh, tag)).isEqualTo("dormant");
    assertThat(valueOf(active, tag)).isEqualTo("dormant");
    assertThat(valueOf(dormant, tag)).isEqualTo("churned");
    assertThat(valueOf(wonBack, tag)).isEqualTo("dormant");

    // as of the first day again, the preview gives the first stages back without writing
    TemplatePreview past = templates.preview(tag, templates.get(tag), today().minusDays(100));
    TemplatePreview.TagOutcome outcome = past.tags().get(0);
    Map<String, Long> byValue = new HashMap<>();
    outcome.values().forEach(v -> byValue.put(v.value(), v.members()));
    assertThat(byValue)
        .containsEntry("new", 1L)
        .containsEntry("won_back", 1L)
        .containsEntry("churned", 1L);
    assertThat(valueOf(fresh, tag)).isEqualTo("dormant");
  }

  @Test
  void statisticalTagsKeepANumberAndBucketIt() {
    String type = unique("order");
    String bucketed = layeredTag("low", "mid", "high");
    String plain = unique("stat");
    taxonomy.createTag(
        new NewTag(
            plain,
            category,
            "消费额",
            "Spend",
            null,
            null,
            TagKind.STATISTICAL,
            null,
            null,
            null,
            null,
            RefreshMode.SCHEDULED,
            null,
            null),
        "tester");
    Random random = new Random(5);
    Map<String, Double> sums = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String id = customer("上海");
      ids.add(id);
      double sum = 0;
      int n = random.nextInt(4);
      for (int e = 0; e < n; e++) {
        double amount = random.nextInt(120);
        order(id, type, random.nextInt(300), null, amount, 1);
        sum += amount;
      }
      sums.put(id, sum);
    }
    String measure = "sum(`" + type + "`, amount)";
    templates.save(
        bucketed,
        new TagTemplate.Statistic(
            measure,
            List.of(
                new TagTemplate.Range("low", null, 50.0),
                new TagTemplate.Range("mid", 50.0, 200.0),
                new TagTemplate.Range("high", 200.0, null))),
        "tester");
    templates.save(plain, new TagTemplate.Statistic(measure, List.of()), "tester");
    for (String id : ids) {
      // the sum of no orders is 0, so customers without orders have a number too
      double sum = sums.get(id);
      assertThat(valueOf(id, bucketed))
          .as(id)
          .isEqualTo(sum < 50 ? "low" : sum < 200 ? "mid" : "high");
      assertThat(index.tagsOf(id)).contains(plain);
      assertThat(templates.numbers(id)).containsEntry(plain, sum).containsEntry(bucketed, sum);
    }
    assertThatThrownBy(
            () -> templates.save(plain, new TagTemplate.Statistic("city", List.of()), "tester"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("measure"));
    assertThatThrownBy(
            () ->
                templates.save(
                    bucketed,
                    new TagTemplate.Statistic(
                        measure, List.of(new TagTemplate.Range("low", 5.0, 1.0))),
                    "tester"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ranges[0].to"));
  }

  @Test
  void badSettingsAreRefusedNamingTheSetting() {
    String tag = layeredTag("a", "b");
    assertThatThrownBy(
            () ->
                templates.save(
                    tag,
                    new TagTemplate.Layered(List.of(new TagTemplate.Branch("zz", "城市 = 上海")), null),
                    "tester"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("branches[0].value");
              assertThat(e.getMessage()).contains("'zz' is not a value").contains("[a, b]");
            });
    assertThatThrownBy(
            () ->
                templates.save(
                    tag,
                    new TagTemplate.Layered(
                        List.of(
                            new TagTemplate.Branch("a", "城市 = 上海"),
                            new TagTemplate.Branch("b", "ctiy = 上海")),
                        null),
                    "tester"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("branches[1].rule");
              assertThat(e.getMessage()).contains("unknown field 'ctiy' at 1:1").contains("city");
            });
    assertThatThrownBy(
            () -> templates.save(tag, new TagTemplate.Lifecycle("nope", null, 1, 2, 3), "tester"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("No events of type 'nope'");
    String type = unique("order");
    order(customer("上海"), type, 1, "o1", 5, 1);
    assertThatThrownBy(
            () -> templates.save(tag, new TagTemplate.Lifecycle(type, null, 1, 2, 3), "tester"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("'new' is missing");
    String tier = unique("rfm");
    templateTags.createRfmTags(tier, category, "价值", "Value", 3, "tester");
    TagTemplate.Rfm wrongBands =
        new TagTemplate.Rfm(
            type,
            "quantity >",
            null,
            null,
            null,
            null,
            5,
            null,
            null,
            null,
            TemplateTags.defaultSegments(5),
            "others",
            tier + "_r",
            null,
            null);
    assertThatThrownBy(() -> templates.save(tier, wrongBands, "tester"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("filter"));
    TagTemplate.Rfm missingScores =
        new TagTemplate.Rfm(
            type,
            "quantity > 0",
            null,
            null,
            null,
            null,
            5,
            null,
            null,
            null,
            TemplateTags.defaultSegments(5),
            "others",
            tier + "_r",
            null,
            null);
    assertThatThrownBy(() -> templates.save(tier, missingScores, "tester"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("recencyTag");
              assertThat(e.getMessage()).contains("'s4' is missing");
            });
    assertThat(
            jdbc.sql(
                    "select count(*) from rule_tag r join tag t on t.id = r.tag_id where t.code = :t")
                .param("t", tier)
                .query(Integer.class)
                .single())
        .isZero();
  }
}
