package io.tagbase.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagIndex;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule API end to end, as the server will use it: schema, text, check, plan, predicate,
 * explain.
 */
class RuleWalkthroughTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  private final RuleSchema schema =
      RuleSchema.builder()
          .attribute("city", FieldType.STRING, "城市")
          .flagTag("vip", "高价值客户")
          .event(
              "order",
              List.of(new RuleSchema.Field("amount", FieldType.NUMBER, List.of("金额"), List.of())),
              "下单")
          .build();
  private final CustomerDictionary customers = new CustomerDictionary();
  private final TagIndex tags = new TagIndex();
  private final EventLog events = new EventLog();
  private final RuleData data = new RuleData(schema, customers, tags, events);
  private final int alice = customers.intern("alice");
  private final int bob = customers.intern("bob");

  RuleWalkthroughTest() {
    data.set("city", alice, "上海");
    data.set("city", bob, "北京");
    tags.assign("vip", bob);
    for (int daysAgo : new int[] {1, 5, 20, 45}) {
      events.append(alice, "order", day(daysAgo), Map.of("amount", 100));
      events.append(bob, "order", day(daysAgo * 2), Map.of("amount", 10));
    }
  }

  @Test
  void chineseRuleTagsTheRightCustomers() {
    CheckedRule rule = RuleChecker.check("近30天 下单 次数 >= 3 且 城市 属于 (上海, 北京)", schema);
    TagBitmap members = BitmapPlan.compile(rule).evaluate(data, TODAY);
    assertThat(members.toArray()).containsExactly(alice);
  }

  @Test
  void evaluatingAsOfAPastDayIgnoresLaterEvents() {
    CheckedRule rule = RuleChecker.check("count(order, last 30 days) >= 3", schema);
    assertThat(BitmapPlan.compile(rule).evaluate(data, TODAY.minusDays(10)).toArray()).isEmpty();
  }

  @Test
  void predicateAgreesForOneCustomerAfterAnEvent() {
    CheckedRule rule =
        RuleChecker.check("sum(order, amount, last 30 days) > 300 or has tag vip", schema);
    CustomerPredicate predicate = CustomerPredicate.compile(rule);
    assertThat(predicate.test(data.record(alice), TODAY)).isFalse();
    events.append(alice, "order", day(0), Map.of("amount", 1));
    assertThat(predicate.test(data.record(alice), TODAY)).isTrue();
  }

  @Test
  void explainShowsEveryClauseValue() {
    CheckedRule rule =
        RuleChecker.check(
            "count(order, last 30 days) >= 3 and not has tag vip and days since last(order) <= 1",
            schema);
    Explanation why = CustomerPredicate.compile(rule).explain(data.record(bob), TODAY);
    assertThat(why.toString())
        .isEqualTo(
            """
            ✗ count(order, last 30 days) >= 3 and not has tag vip and days since last(order) <= 1
              ✗ count(order, last 30 days) >= 3  [value: 2]
              ✗ not has tag vip
                ✓ has tag vip  [value: has the tag]
              ✗ days since last(order) <= 1  [value: 2]
            """);
  }

  private static int day(int daysAgo) {
    return (int) TODAY.minusDays(daysAgo).toEpochDay();
  }
}
