package io.tagbase.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Measures and score conditions against a plain loop over the same random customers. */
class MeasuresTest {
  private static final LocalDate AS_OF = RuleWorld.DAY0.minusDays(5);
  private static final int TODAY = (int) AS_OF.toEpochDay();

  private static boolean qualifies(RuleWorld.Ev e, String country) {
    Object q = e.props().get("quantity");
    return e.type().equals("order")
        && e.day() <= TODAY
        && q instanceof Double d
        && d > 0
        && (country == null || country.equals(e.props().get("country")));
  }

  @Test
  void aggregatesPerCustomerMatchAPlainLoop() {
    for (long seed = 1; seed <= 20; seed++) {
      RuleWorld world = new RuleWorld(seed, 300);
      CheckedRule rule =
          RuleChecker.check(
              "days since last(order where quantity > 0) exists"
                  + " and count(order where quantity > 0) exists"
                  + " and sum(order where (quantity > 0 and country = \"UK\"),"
                  + " quantity * unit_price, last 60 days) exists",
              RuleWorld.SCHEMA);
      List<Operand.Aggregate> aggs = Measures.aggregates(rule);
      assertThat(aggs).hasSize(3);
      double[] recency = Measures.compute(aggs.get(0), world.data, AS_OF);
      double[] frequency = Measures.compute(aggs.get(1), world.data, AS_OF);
      double[] monetary = Measures.compute(aggs.get(2), world.data, AS_OF);
      for (RuleWorld.Customer c : world.customers) {
        int last = Integer.MIN_VALUE;
        int count = 0;
        double sum = 0;
        for (RuleWorld.Ev e : c.events()) {
          if (qualifies(e, null)) {
            last = Math.max(last, e.day());
            count++;
          }
          if (qualifies(e, "UK") && e.day() > TODAY - 60) {
            Object price = e.props().get("unit_price");
            if (price instanceof Double p) {
              sum += (Double) e.props().get("quantity") * p;
            }
          }
        }
        if (count == 0) {
          assertThat(recency[c.id()]).isNaN();
        } else {
          assertThat(recency[c.id()]).isEqualTo(TODAY - last);
        }
        assertThat(frequency[c.id()]).isEqualTo(count);
        assertThat(monetary[c.id()]).isCloseTo(sum, within(1e-9));
      }
    }
  }

  @Test
  void numbersFromAttributesAndAggregates() {
    RuleWorld world = new RuleWorld(5, 200);
    CheckedRule rule =
        RuleChecker.check(
            "年龄 exists and sum(order, quantity, last 30 days) exists", RuleWorld.SCHEMA);
    Rule.And and = (Rule.And) rule.rule();
    double[] ages =
        Measures.number(((Rule.Compare) and.terms().get(0)).operand(), world.data, AS_OF);
    double[] quantities =
        Measures.number(((Rule.Compare) and.terms().get(1)).operand(), world.data, AS_OF);
    for (RuleWorld.Customer c : world.customers) {
      Object age = c.attrs().get("age");
      if (age == null) {
        assertThat(ages[c.id()]).isNaN();
      } else {
        assertThat(ages[c.id()]).isEqualTo((Double) age);
      }
      double sum = 0;
      for (RuleWorld.Ev e : c.events()) {
        if (e.type().equals("order")
            && e.day() <= TODAY
            && e.day() > TODAY - 30
            && e.props().get("quantity") instanceof Double q) {
          sum += q;
        }
      }
      assertThat(quantities[c.id()]).isEqualTo(sum);
    }
    CheckedRule date = RuleChecker.check("生日 exists", RuleWorld.SCHEMA);
    assertThatThrownBy(
            () -> Measures.number(((Rule.Compare) date.rule()).operand(), world.data, AS_OF))
        .hasMessageContaining("not a number");
  }

  @Test
  void aggregatesSharingTheirEventsInOnePassEqualEachAlone() {
    for (long seed = 1; seed <= 10; seed++) {
      RuleWorld world = new RuleWorld(seed, 300);
      CheckedRule rule =
          RuleChecker.check(
              "days since last(order where quantity > 1) exists"
                  + " and distinct count(order where quantity > 1, sku) exists"
                  + " and sum(order where quantity > 1, quantity * unit_price) exists"
                  + " and avg(order, unit_price, last 30 days) exists"
                  + " and max(order where quantity > 1, unit_price) exists"
                  + " and first(visit) exists",
              RuleWorld.SCHEMA);
      List<Operand.Aggregate> aggs = Measures.aggregates(rule);
      List<double[]> together = Measures.computeAll(aggs, world.data, AS_OF);
      int today = (int) AS_OF.toEpochDay();
      List<double[]> split = // two threads by customer range, as over a million customers
          new BitmapAggregates(world.data, today, 0)
              .computeAll(
                  aggs.stream()
                      .map(a -> CompiledAggregate.of(a, RuleWorld.SCHEMA, today))
                      .toList());
      for (int i = 0; i < aggs.size(); i++) {
        assertThat(together.get(i))
            .as("%s", aggs.get(i))
            .isEqualTo(Measures.compute(aggs.get(i), world.data, AS_OF));
        assertThat(split.get(i)).as("%s on two threads", aggs.get(i)).isEqualTo(together.get(i));
      }
    }
  }

  @Test
  void eventDaysMatchAPlainLoop() {
    for (long seed = 1; seed <= 20; seed++) {
      RuleWorld world = new RuleWorld(seed, 300);
      CheckedRule rule = RuleChecker.check("did order where country = \"UK\"", RuleWorld.SCHEMA);
      Measures.EventDays days = Measures.days(Measures.dids(rule).get(0), world.data, AS_OF);
      for (RuleWorld.Customer c : world.customers) {
        List<Integer> qualifying =
            c.events().stream()
                .filter(
                    e ->
                        e.type().equals("order")
                            && e.day() <= TODAY
                            && "UK".equals(e.props().get("country")))
                .map(RuleWorld.Ev::day)
                .distinct()
                .sorted()
                .toList();
        int n = qualifying.size();
        assertThat(days.first()[c.id()]).isEqualTo(n == 0 ? Measures.NONE : qualifying.get(0));
        assertThat(days.last()[c.id()]).isEqualTo(n == 0 ? Measures.NONE : qualifying.get(n - 1));
        assertThat(days.previous()[c.id()])
            .isEqualTo(n < 2 ? Measures.NONE : qualifying.get(n - 2));
      }
    }
  }

  @Test
  void scoreConditionsCompareNamedNumbers() {
    RuleSchema scores =
        RuleSchema.builder()
            .attribute("r", FieldType.NUMBER, "R分")
            .attribute("f", FieldType.NUMBER, "F分")
            .attribute("m", FieldType.NUMBER, "M分")
            .build();
    ScorePredicate champion =
        ScorePredicate.compile(RuleChecker.check("R分 >= 4 且 f >= 4 且 not m < 3", scores));
    assertThat(champion.test(Map.of("r", 5.0, "f", 4.0, "m", 3.0))).isTrue();
    assertThat(champion.test(Map.of("r", 5.0, "f", 3.0, "m", 5.0))).isFalse();
    assertThat(champion.test(Map.of("r", 5.0, "f", 4.0))).isTrue(); // m missing: "m < 3" false
    ScorePredicate between =
        ScorePredicate.compile(RuleChecker.check("r between 2 and 3 or f in (1, 5)", scores));
    assertThat(between.test(Map.of("r", 3.0, "f", 2.0))).isTrue();
    assertThat(between.test(Map.of("r", 4.0, "f", 5.0))).isTrue();
    assertThat(between.test(Map.of("r", 4.0, "f", 2.0))).isFalse();
    assertThatThrownBy(
            () -> ScorePredicate.compile(RuleChecker.check("has tag vip", RuleWorld.SCHEMA)))
        .hasMessageContaining("only compare scores");
  }
}
