package io.tagbase.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.rule.RuleWorld.Customer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random rules on random data: the bitmap plan, the per-customer predicate and the independent
 * reference evaluator name the same customers, as of today and as of a past day. Each rule goes
 * through its canonical text and the checker first, so the parser and checker are exercised too.
 */
class RuleEvaluationPropertyTest {
  private static final int CUSTOMERS = 300;
  private static final int RULES = 250;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void bitmapPlanPredicateAndReferenceAgree(long seed) {
    RuleWorld world = new RuleWorld(seed, CUSTOMERS);
    RandomRules rules = new RandomRules(seed * 7919);
    int nonTrivial = 0;
    for (int i = 0; i < RULES; i++) {
      Rule random = rules.rule(3);
      String text = RuleText.print(random);
      CheckedRule checked = RuleChecker.check(text, RuleWorld.SCHEMA);
      for (LocalDate asOf : List.of(RuleWorld.DAY0, RuleWorld.DAY0.minusDays(40))) {
        List<Integer> expected = reference(world, checked.rule(), asOf);
        TagBitmap plan = BitmapPlan.compile(checked).evaluate(world.data, asOf);
        CustomerPredicate predicate = CustomerPredicate.compile(checked);
        List<Integer> perCustomer = new ArrayList<>();
        for (Customer c : world.customers) {
          if (c.live() && predicate.test(world.record(c), asOf)) {
            perCustomer.add(c.id());
          }
        }
        assertThat(toList(plan)).as("bitmap plan of %s as of %s", text, asOf).isEqualTo(expected);
        assertThat(perCustomer).as("predicate of %s as of %s", text, asOf).isEqualTo(expected);
        nonTrivial += expected.isEmpty() || expected.size() == liveCount(world) ? 0 : 1;
      }
    }
    assertThat(nonTrivial).as("rules that split the population").isGreaterThan(RULES / 2);
  }

  @ParameterizedTest
  @ValueSource(longs = {4})
  void recordsReadFromTheColumnsGiveTheSameAnswers(long seed) {
    RuleWorld world = new RuleWorld(seed, 60);
    RandomRules rules = new RandomRules(seed);
    for (int i = 0; i < 60; i++) {
      CheckedRule checked = RuleChecker.check(RuleText.print(rules.rule(2)), RuleWorld.SCHEMA);
      CustomerPredicate predicate = CustomerPredicate.compile(checked);
      TagBitmap plan = BitmapPlan.compile(checked).evaluate(world.data, RuleWorld.DAY0);
      for (Customer c : world.customers) {
        if (c.live()) {
          boolean held = predicate.test(world.data.record(c.id()), RuleWorld.DAY0);
          assertThat(held).as("%s for %s", checked, c.id()).isEqualTo(plan.contains(c.id()));
        }
      }
    }
  }

  private static List<Integer> reference(RuleWorld world, Rule rule, LocalDate asOf) {
    ReferenceEvaluator reference = new ReferenceEvaluator(asOf);
    List<Integer> ids = new ArrayList<>();
    for (Customer c : world.customers) {
      if (c.live() && reference.holds(rule, c)) {
        ids.add(c.id());
      }
    }
    return ids;
  }

  private static long liveCount(RuleWorld world) {
    return world.customers.stream().filter(Customer::live).count();
  }

  private static List<Integer> toList(TagBitmap bitmap) {
    List<Integer> ids = new ArrayList<>();
    bitmap.forEach(ids::add);
    return ids;
  }
}
