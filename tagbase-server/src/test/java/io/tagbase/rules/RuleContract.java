package io.tagbase.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.TestClock;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewCustomer;
import io.tagbase.customer.NewEvent;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.MembershipChange;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.tagging.TaggingService;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.RefreshMode;
import io.tagbase.taxonomy.TagKind;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rule tags against a real database: members match a brute-force check, changes reach the history
 * with the rule version, cycles and type errors are refused, as-of evaluation, and real-time
 * re-evaluation for one customer. Run on H2 and on a real PostgreSQL.
 */
abstract class RuleContract {
  private static final String[] CITIES = {"上海", "北京", "广州"};

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired RuleService rules;
  @Autowired CustomerService customers;
  @Autowired TaxonomyService taxonomy;
  @Autowired TaggingService tagging;
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

  String ruleTag() {
    String code = unique("rule");
    taxonomy.createTag(
        new NewTag(
            code,
            category,
            "规则" + code,
            "Rule " + code,
            null,
            null,
            TagKind.RULE,
            null,
            null,
            null,
            null,
            RefreshMode.REAL_TIME,
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

  void order(String customer, int daysAgo, String type) {
    customers.recordEvents(
        List.of(
            new NewEvent(
                customers.get(customer).id(),
                type,
                clock.instant().minus(Duration.ofDays(daysAgo)),
                null,
                BigDecimal.TEN,
                "{\"channel\":\"app\"}")));
  }

  boolean holds(String customer, String tag) {
    return index.tagsOf(customer).contains(tag);
  }

  @Test
  void savedRuleTagsExactlyTheCustomersABruteForceCheckExpects() {
    String tag = ruleTag();
    String type = unique("order");
    Random random = new Random(42);
    Map<String, Boolean> expected = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      String city = CITIES[random.nextInt(CITIES.length)];
      String id = customer(city);
      int recent = 0;
      for (int e = random.nextInt(5); e > 0; e--) {
        int daysAgo = random.nextInt(60);
        order(id, daysAgo, type);
        if (daysAgo < 30) {
          recent++;
        }
      }
      expected.put(id, recent >= 2 && !city.equals("广州"));
    }

    RuleEvaluation result = rules.save(tag, "近30天 " + type + " 次数 >= 2 且 城市 属于 (上海, 北京)", "tester");

    expected.forEach(
        (id, member) -> assertThat(holds(id, tag)).as("customer %s", id).isEqualTo(member));
    assertThat(result.members()).isEqualTo(expected.values().stream().filter(b -> b).count());
  }

  @Test
  void enterAndLeaveGoToTheHistoryWithSourceRuleAndTheRuleVersion() {
    String tag = ruleTag();
    String id = customer("上海");

    rules.save(tag, "city = \"上海\"", "tester");
    rules.save(tag, "city = \"北京\"", "tester");

    List<MembershipChange> timeline = tagging.timeline(id, 10);
    assertThat(timeline)
        .extracting(c -> c.action() + " " + c.source() + " " + c.actor())
        .containsExactly("LEAVE RULE rule:" + tag + "@v2", "ENTER RULE rule:" + tag + "@v1");
    assertThat(timeline.get(0).reason()).contains(tag + " v2");
    assertThat(timeline).allMatch(c -> c.source() == AssignmentSource.RULE);
  }

  @Test
  void aRuleDependingOnItselfThroughAnotherRuleIsRefused() {
    String a = ruleTag();
    String b = ruleTag();
    rules.save(a, "has tag " + b, "tester");

    assertThatThrownBy(() -> rules.save(b, "has tag " + a + " or city = \"上海\"", "tester"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(b + " -> " + a + " -> " + b);
  }

  @Test
  void aTypeErrorIsRefusedNamingLineAndColumn() {
    String tag = ruleTag();
    assertThatThrownBy(() -> rules.save(tag, "city = \"上海\"\nand age contains \"x\"", "tester"))
        .isInstanceOfSatisfying(
            RuleRefused.class,
            e -> {
              assertThat(e.errors()).hasSize(1);
              assertThat(e.errors().get(0).line()).isEqualTo(2);
              assertThat(e.errors().get(0).column()).isEqualTo(5);
            });
    assertThatThrownBy(() -> rules.get(tag)).hasMessageContaining("no rule");
  }

  @Test
  void evaluationAsOfAPastDayReadsOnlyTheEventsUpToThatDay() {
    String tag = ruleTag();
    String type = unique("visit");
    String early = customer("上海");
    String late = customer("上海");
    order(early, 40, type);
    order(late, 5, type);
    rules.save(tag, "did " + type + " in last 30 days", "tester");
    assertThat(holds(late, tag)).isTrue();

    RuleEvaluation past = rules.evaluate(tag, LocalDate.of(2026, 5, 1));

    assertThat(past.members()).isEqualTo(1);
    assertThat(holds(early, tag)).isTrue();
    assertThat(holds(late, tag)).isFalse();
  }

  @Test
  void anEventCountsOnItsDayInTheBusinessZoneNotInUtc() {
    // tagbase.zone is Asia/Shanghai (UTC+8): half past midnight there is the day before in UTC.
    java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    java.time.Instant halfPastMidnight = today.atStartOfDay(zone).plusMinutes(30).toInstant();
    if (clock.instant().isBefore(halfPastMidnight)) {
      clock.advance(Duration.ofHours(1));
    }
    String tag = ruleTag();
    String type = unique("visit");
    String customer = customer("上海");
    customers.recordEvents(
        List.of(
            new NewEvent(customers.get(customer).id(), type, halfPastMidnight, null, null, null)));
    rules.save(tag, "did " + type + " in last 1 days", "tester");
    assertThat(holds(customer, tag)).as("today in Shanghai").isTrue();
    assertThat(rules.evaluate(tag, today.minusDays(1)).members())
        .as("as of yesterday in Shanghai, although it is yesterday's date in UTC")
        .isZero();
  }

  @Test
  void recordedEventsReEvaluateTheRulesReadingThemForThoseCustomers() {
    String tag = ruleTag();
    String type = unique("buy");
    String seed = customer("上海");
    order(seed, 1, type); // the event type must exist for the rule to check
    rules.save(tag, "count(" + type + ", last 7 days) >= 2", "tester");
    String twice = customer("上海");
    String once = customer("上海");
    order(twice, 1, type);
    order(once, 1, type);
    assertThat(holds(twice, tag)).isFalse();

    // Recording the second order is enough: no evaluation is asked for.
    order(twice, 2, type);

    assertThat(holds(twice, tag)).isTrue();
    assertThat(holds(once, tag)).isFalse();
    assertThat(tagging.timeline(twice, 5))
        .extracting(MembershipChange::actor)
        .containsExactly("rule:" + tag + "@v1");
  }

  @Test
  void reEvaluationForSomeCustomersLeavesTheOthersAlone() {
    String tag = ruleTag();
    String type = unique("buy");
    String seed = customer("上海");
    order(seed, 1, type);
    rules.save(tag, "count(" + type + ", last 7 days) >= 1", "tester");
    String a = customer("上海");
    String b = customer("上海");
    // Events written behind the rules' back (no EventsRecorded): only a is then re-evaluated.
    jdbc.sql(
            "insert into customer_event (customer_id, event_type, occurred_at) values (:c, :t, :at)")
        .param("c", customers.get(a).id())
        .param("t", type)
        .param("at", java.sql.Timestamp.from(clock.instant()))
        .update();
    jdbc.sql(
            "insert into customer_event (customer_id, event_type, occurred_at) values (:c, :t, :at)")
        .param("c", customers.get(b).id())
        .param("t", type)
        .param("at", java.sql.Timestamp.from(clock.instant()))
        .update();

    rules.eventsCommitted(List.of(customers.get(a).id()), Set.of(type));

    assertThat(holds(a, tag)).isTrue();
    assertThat(holds(b, tag)).isFalse();
  }

  @Test
  void dependentRulesAreReEvaluatedAfterTheRulesTheyRead() {
    String base = ruleTag();
    String derived = ruleTag();
    String type = unique("pay");
    String seed = customer("北京");
    order(seed, 1, type);
    rules.save(base, "did " + type + " in last 3 days", "tester");
    rules.save(derived, "has tag " + base + " and city = \"北京\"", "tester");
    String id = customer("北京");
    order(id, 0, type);

    rules.eventsCommitted(new ArrayList<>(List.of(customers.get(id).id())), Set.of(type));

    assertThat(holds(id, base)).isTrue();
    assertThat(holds(id, derived)).isTrue();
  }
}
