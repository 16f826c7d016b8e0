package io.tagbase.automation;

import static io.tagbase.automation.AutomationFixture.addTag;
import static io.tagbase.automation.AutomationFixture.coupon;
import static io.tagbase.automation.AutomationFixture.customer;
import static io.tagbase.automation.AutomationFixture.flagTag;
import static io.tagbase.automation.AutomationFixture.notice;
import static io.tagbase.automation.AutomationFixture.onEnter;
import static io.tagbase.automation.AutomationFixture.task;
import static io.tagbase.automation.AutomationFixture.webhook;
import static io.tagbase.automation.AutomationFixture.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerService;
import io.tagbase.privacy.ConsentChange;
import io.tagbase.privacy.Consents;
import io.tagbase.tagging.AssignOptions;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.TagMembershipChanged;
import io.tagbase.tagging.TaggingService;
import io.tagbase.taxonomy.TaxonomyService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Automations end to end against a real HTTP receiver: every action once per customer and entry,
 * through failures, timeouts, dead letters and replays, duplicate transitions and rolled-back
 * writes; the conditions (consent, rule, frequency cap, quiet hours); tasks by owner and round
 * robin; coupons used once. Run on H2 and on a real PostgreSQL with a fast worker.
 */
abstract class AutomationContract {
  static final String SECRET = "s3cret-key-for-tests";

  @Autowired AutomationService automations;
  @Autowired TaggingService tagging;
  @Autowired TaxonomyService taxonomy;
  @Autowired CustomerService customers;
  @Autowired Consents consents;
  @Autowired TaskService tasks;
  @Autowired CouponService coupons;
  @Autowired NotificationService notifications;
  @Autowired JdbcOutboxRepository outbox;
  @Autowired JdbcTaskRepository taskRepository;
  @Autowired TransactionTemplate tx;
  @Autowired ApplicationEventPublisher events;
  @Autowired JdbcClient jdbc;

  WebhookReceiver receiver;

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      receiver.close();
    }
  }

  private void enter(String tag, Customer c) {
    tagging.assign(c.externalId(), tag, AssignOptions.value(null), AssignmentSource.RULE, "rule");
  }

  private void leave(String tag, Customer c) {
    tagging.unassign(c.externalId(), tag, AssignmentSource.RULE, "rule", null);
  }

  private List<OutboxRow> rows(Automation a, String status) {
    return outbox.byStatus(a.id(), status, 1000);
  }

  private List<AutomationRun> runs(Automation a, String outcome) {
    return automations.runs(a.code(), null, outcome, 1000);
  }

  private void awaitSettled(Automation a) {
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> rows(a, "PENDING").isEmpty());
  }

  private void user(String username) {
    jdbc.sql(
            "insert into app_user (username, password_hash, role, created_at) values (:u, 'x',"
                + " 'ADMIN', :now)")
        .param("u", username)
        .param("now", java.sql.Timestamp.from(Instant.now()))
        .update();
  }

  @Test
  void tagEntryRunsEveryActionOnceThroughFailuresAndTimeouts() throws Exception {
    receiver = new WebhookReceiver(SECRET).failFirst(2).slowNext(1, 1500);
    String tag = flagTag(taxonomy);
    String rep = AutomationFixture.unique("rep");
    user(rep);
    String batch = AutomationFixture.unique("b");
    coupons.create(batch, "回访券", "tester");
    coupons.generate(batch, 5, "WB", "tester");
    Automation a =
        automations.create(
            onEnter(
                tag,
                List.of(
                    webhook(receiver.url(), SECRET, 500, 8),
                    task("回访流失风险客户", null),
                    coupon(batch),
                    notice("客户 {customer} 进入流失风险", rep))),
            "tester");
    List<Customer> who = List.of(customer(customers), customer(customers), customer(customers));
    for (Customer c : who) {
      taskRepository.setOwner(c.id(), rep);
      enter(tag, c);
    }

    awaitSettled(a);

    assertThat(rows(a, "DONE")).hasSize(4 * 3 + 3); // 3 gates, 4 actions each
    Set<String> webhookKeys =
        rows(a, "DONE").stream()
            .filter(r -> "WEBHOOK".equals(r.kind()))
            .map(OutboxRow::idemKey)
            .collect(Collectors.toSet());
    assertThat(receiver.applied().keySet()).isEqualTo(webhookKeys);
    assertThat(receiver.calls()).allMatch(WebhookReceiver.Call::signatureValid);
    // The slow call is finished by the receiver after the sender gave up, and was sent again.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.processed().values().stream().mapToInt(Integer::intValue).sum() == 4);
    assertThat(receiver.applied().values()).containsOnly(1);
    assertThat(runs(a, "RETRIED")).hasSize(3);
    assertThat(runs(a, "DELIVERED")).hasSize(12);
    assertThat(tasks.tasks(rep, false, null, TaskService.View.OPEN))
        .hasSize(3)
        .extracting(FollowUpTask::customer)
        .containsExactlyInAnyOrderElementsOf(who.stream().map(Customer::externalId).toList());
    assertThat(coupons.batch(batch).issued()).isEqualTo(3);
    assertThat(
            coupons.issued(batch, 10).stream()
                .map(IssuedCoupon::customer)
                .collect(Collectors.toSet()))
        .hasSize(3);
    assertThat(notifications.of(rep, 10))
        .filteredOn(n -> a.code().equals(n.automation()))
        .hasSize(3)
        .allMatch(n -> rep.equals(n.username()));
  }

  @Test
  void deadLetterAfterTheLastAttemptIsReplayedOnceTheReceiverRecovers() throws Exception {
    receiver = new WebhookReceiver(SECRET);
    receiver.down(true);
    String tag = flagTag(taxonomy);
    Automation a =
        automations.create(onEnter(tag, List.of(webhook(receiver.url(), SECRET, 1000, 3))), "t");
    enter(tag, customer(customers));

    await().atMost(Duration.ofSeconds(30)).until(() -> rows(a, "DEAD").size() == 1);
    assertThat(runs(a, "FAILED"))
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("gave up after 3 attempts"));
    assertThat(receiver.applied()).isEmpty();

    receiver.down(false);
    OutboxRow dead = automations.deadLetters(a.code(), 10).get(0);
    automations.replay(dead.id(), "tester");
    awaitSettled(a);

    assertThat(receiver.applied()).containsOnlyKeys(dead.idemKey());
    assertThat(rows(a, "DEAD")).isEmpty();
    assertThat(runs(a, "REPLAYED")).hasSize(1);
  }

  @Test
  void theSameTransitionTwiceGivesOneAction() {
    String tag = flagTag(taxonomy);
    String rep = AutomationFixture.unique("rep");
    user(rep);
    Automation a = automations.create(onEnter(tag, List.of(task("回访", null))), "t");
    Customer c = customer(customers);
    taskRepository.setOwner(c.id(), rep);
    var change =
        new TagMembershipChanged(
            tag,
            "write-1",
            List.of(new TagMembershipChanged.Transition(c.id(), null, true)),
            AssignmentSource.RULE,
            "rule",
            null,
            Instant.now());
    tx.executeWithoutResult(s -> events.publishEvent(change));
    tx.executeWithoutResult(s -> events.publishEvent(change));
    enter(tag, c);
    enter(tag, c); // held already: no transition

    awaitSettled(a);

    assertThat(runs(a, "TRIGGERED")).hasSize(2); // write-1 and the real entry
    assertThat(tasks.tasks(rep, false, null, TaskService.View.ALL)).hasSize(2);
  }

  @Test
  void aRolledBackTagWriteLeavesNoTransition() {
    String tag = flagTag(taxonomy);
    Automation a = automations.create(onEnter(tag, List.of(notice("x", null))), "t");
    Customer c = customer(customers);
    tx.executeWithoutResult(
        s -> {
          enter(tag, c);
          s.setRollbackOnly();
        });
    assertThat(outbox.byStatus(a.id(), "PENDING", 10)).isEmpty();
    assertThat(runs(a, "TRIGGERED")).isEmpty();
  }

  @Test
  void customerWhoRefusedThePurposeIsSkippedWithTheReason() {
    String tag = flagTag(taxonomy);
    Automation a =
        automations.create(
            with(onEnter(tag, List.of(notice("营销", null))), null, "marketing_sms", null, null),
            "t");
    Customer refused = customer(customers);
    Customer silent = customer(customers);
    consents.set(
        refused.externalId(), List.of(new ConsentChange("marketing_sms", "REFUSED", "app")), "t");
    enter(tag, refused);
    enter(tag, silent);

    awaitSettled(a);

    assertThat(runs(a, "SKIPPED"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.customer()).isEqualTo(refused.externalId());
              assertThat(r.reason()).contains("refused marketing_sms");
            });
    assertThat(runs(a, "DELIVERED"))
        .singleElement()
        .extracting(AutomationRun::customer)
        .isEqualTo(silent.externalId());
  }

  @Test
  void conditionIsCheckedAtTheTimeOfTheAction() {
    String tag = flagTag(taxonomy);
    String vip = flagTag(taxonomy);
    Automation a =
        automations.create(
            with(onEnter(tag, List.of(notice("vip", null))), "has tag " + vip, null, null, null),
            "t");
    Customer isVip = customer(customers);
    Customer notVip = customer(customers);
    enter(vip, isVip);
    enter(tag, isVip);
    enter(tag, notVip);

    awaitSettled(a);

    assertThat(runs(a, "SKIPPED"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.customer()).isEqualTo(notVip.externalId());
              assertThat(r.reason()).startsWith("condition not met");
            });
  }

  @Test
  void frequencyCapSkipsTheSecondEntryInThePeriod() {
    String tag = flagTag(taxonomy);
    Automation a =
        automations.create(
            with(onEnter(tag, List.of(notice("cap", null))), null, null, 1, 30), "t");
    Customer c = customer(customers);
    enter(tag, c);
    awaitSettled(a);
    leave(tag, c);
    enter(tag, c);
    awaitSettled(a);

    assertThat(runs(a, "TRIGGERED")).hasSize(2);
    assertThat(runs(a, "DELIVERED")).hasSize(1);
    assertThat(runs(a, "SKIPPED"))
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("frequency cap"));
  }

  @Test
  void quietHoursPostponeTheActionInsteadOfDroppingIt() {
    String tag = flagTag(taxonomy);
    var zone = java.time.ZoneId.of("Asia/Shanghai");
    var now = java.time.LocalTime.now(zone);
    String start = now.minusHours(1).withSecond(0).withNano(0).toString().substring(0, 5);
    String end = now.plusHours(1).withSecond(0).withNano(0).toString().substring(0, 5);
    NewAutomation quiet = onEnter(tag, List.of(notice("quiet", null)));
    Automation a =
        automations.create(
            new NewAutomation(
                quiet.code(),
                quiet.name(),
                true,
                quiet.trigger(),
                null,
                null,
                null,
                null,
                start,
                end,
                quiet.actions()),
            "t");
    enter(tag, customer(customers));

    await().atMost(Duration.ofSeconds(20)).until(() -> !runs(a, "DEFERRED").isEmpty());

    OutboxRow gate = rows(a, "PENDING").get(0);
    assertThat(gate.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
    assertThat(runs(a, "DELIVERED")).isEmpty();
  }

  @Test
  void tasksGoToTheOwnerElseRoundRobinOverTheTeam() {
    String tag = flagTag(taxonomy);
    String owner = AutomationFixture.unique("own");
    String r1 = AutomationFixture.unique("rep");
    String r2 = AutomationFixture.unique("rep");
    user(owner);
    user(r1);
    user(r2);
    String team = AutomationFixture.unique("east");
    tasks.saveTeam(team, List.of(r1, r2), "t");
    Automation a = automations.create(onEnter(tag, List.of(task("回访", team))), "t");
    Customer owned = customer(customers);
    taskRepository.setOwner(owned.id(), owner);
    enter(tag, owned);
    for (int i = 0; i < 4; i++) {
      enter(tag, customer(customers));
    }

    awaitSettled(a);

    Map<String, Long> byAssignee =
        tasks.tasks("admin", true, null, TaskService.View.OPEN).stream()
            .filter(t -> a.code().equals(t.automation()))
            .collect(Collectors.groupingBy(FollowUpTask::assignee, Collectors.counting()));
    assertThat(byAssignee).containsExactlyInAnyOrderEntriesOf(Map.of(owner, 1L, r1, 2L, r2, 2L));
  }

  @Test
  void emptyCouponBatchIsRetriedUntilCodesAreImportedAndEachCodeIsUsedOnce() {
    String tag = flagTag(taxonomy);
    String batch = AutomationFixture.unique("b");
    coupons.create(batch, "券", "t");
    coupons.importCodes(batch, List.of("CODE-0001", "CODE-0002"), "t");
    Automation a =
        automations.create(
            onEnter(
                tag,
                List.of(
                    new AutomationAction(
                        ActionKind.COUPON,
                        null,
                        null,
                        null,
                        20,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        batch,
                        null,
                        null))),
            "t");
    for (int i = 0; i < 3; i++) {
      enter(tag, customer(customers));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> !runs(a, "RETRIED").isEmpty());
    assertThat(runs(a, "RETRIED").get(0).reason()).contains("no codes left");

    coupons.importCodes(batch, List.of("CODE-0003"), "t");
    awaitSettled(a);

    assertThat(coupons.issued(batch, 10))
        .extracting(IssuedCoupon::code)
        .containsExactlyInAnyOrder("CODE-0001", "CODE-0002", "CODE-0003");
    assertThat(rows(a, "DEAD")).isEmpty();
  }

  @Test
  void addTagActionChainsIntoTheNextAutomation() {
    String first = flagTag(taxonomy);
    String second = flagTag(taxonomy);
    automations.create(onEnter(first, List.of(addTag(second))), "t");
    Automation next = automations.create(onEnter(second, List.of(notice("chained", null))), "t");
    Customer c = customer(customers);
    enter(first, c);

    await().atMost(Duration.ofSeconds(20)).until(() -> runs(next, "DELIVERED").size() == 1);
    assertThat(tagging.tagsOf(c.externalId())).anyMatch(t -> t.code().equals(second));
  }

  @Autowired io.tagbase.segment.SegmentLibrary segmentLibrary;
  @Autowired AutomationScheduler scheduler;

  private NewAutomation triggered(AutomationTrigger trigger, String condition) {
    NewAutomation base = onEnter("unused", List.of(notice("n {customer}", null)));
    return new NewAutomation(
        base.code(),
        base.name(),
        true,
        trigger,
        condition,
        null,
        null,
        null,
        null,
        null,
        base.actions());
  }

  private String segmentOf(String tag) {
    String code = AutomationFixture.unique("seg");
    segmentLibrary.create(
        new io.tagbase.segment.NewSegment(
            code,
            "人群",
            "Segment",
            null,
            io.tagbase.segment.SegmentKind.DYNAMIC,
            Map.of("tag", tag)),
        "t");
    return code;
  }

  @Test
  void enteringAndLeavingADynamicSegmentTriggerAtItsRefresh() {
    String tag = flagTag(taxonomy);
    String segment = segmentOf(tag);
    Automation entered =
        automations.create(
            triggered(
                new AutomationTrigger(TriggerKind.SEGMENT_ENTER, segment, null, null, null), null),
            "t");
    Automation left =
        automations.create(
            triggered(
                new AutomationTrigger(TriggerKind.SEGMENT_LEAVE, segment, null, null, null), null),
            "t");
    Customer c = customer(customers);
    enter(tag, c);
    segmentLibrary.refresh(segment);
    segmentLibrary.refresh(segment); // nothing changed: no transition
    leave(tag, c);
    segmentLibrary.refresh(segment);

    awaitSettled(entered);
    awaitSettled(left);

    assertThat(runs(entered, "DELIVERED"))
        .singleElement()
        .extracting(AutomationRun::customer)
        .isEqualTo(c.externalId());
    assertThat(runs(left, "DELIVERED"))
        .singleElement()
        .extracting(AutomationRun::customer)
        .isEqualTo(c.externalId());
  }

  @Test
  void layeredTagValueTriggersOnlyOnThatValue() {
    String category = AutomationFixture.unique("cat");
    taxonomy.createCategory(new io.tagbase.taxonomy.NewCategory(category, null, "分类", "Cat", 1));
    String tier = AutomationFixture.unique("tier");
    taxonomy.createTag(
        new io.tagbase.taxonomy.NewTag(
            tier,
            category,
            "等级",
            "Tier",
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(
                new io.tagbase.taxonomy.TagValue("gold", "金", "Gold"),
                new io.tagbase.taxonomy.TagValue("silver", "银", "Silver")),
            null,
            null,
            null),
        "t");
    Automation gold =
        automations.create(
            triggered(new AutomationTrigger(TriggerKind.TAG_ENTER, tier, "gold", null, null), null),
            "t");
    Customer c = customer(customers);
    tagging.assign(c.externalId(), tier, AssignOptions.value("silver"), AssignmentSource.RULE, "r");
    tagging.assign(c.externalId(), tier, AssignOptions.value("gold"), AssignmentSource.RULE, "r");

    awaitSettled(gold);

    assertThat(runs(gold, "TRIGGERED"))
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo("TAG_ENTER " + tier + "=gold"));
  }

  @Test
  void eventTriggerChecksItsConditionAtTheTimeOfTheAction() {
    String type = AutomationFixture.unique("order");
    Customer once = customer(customers);
    Customer twice = customer(customers);
    Instant now = Instant.now();
    customers.recordEvents(
        List.of(new io.tagbase.customer.NewEvent(twice.id(), type, now, null, null, null)));
    Automation a =
        automations.create(
            triggered(
                new AutomationTrigger(
                    TriggerKind.EVENT, type, null, "count(" + type + ", last 30 days) >= 2", null),
                null),
            "t");
    customers.recordEvents(
        List.of(
            new io.tagbase.customer.NewEvent(once.id(), type, now, null, null, null),
            new io.tagbase.customer.NewEvent(twice.id(), type, now, null, null, null),
            new io.tagbase.customer.NewEvent(twice.id(), "view", now, null, null, null)));

    awaitSettled(a);

    assertThat(runs(a, "DELIVERED"))
        .singleElement()
        .extracting(AutomationRun::customer)
        .isEqualTo(twice.externalId());
    assertThat(runs(a, "SKIPPED"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.customer()).isEqualTo(once.externalId());
              assertThat(r.reason()).startsWith("event condition not met");
            });
  }

  @Test
  void scheduleRunsOverTheSegmentsMembersOncePerDay() {
    String tag = flagTag(taxonomy);
    String segment = segmentOf(tag);
    List<Customer> members = List.of(customer(customers), customer(customers));
    members.forEach(c -> enter(tag, c));
    segmentLibrary.refresh(segment);
    Automation a =
        automations.create(
            triggered(
                new AutomationTrigger(TriggerKind.SCHEDULE, segment, null, null, "00:00"), null),
            "t");

    scheduler.runDue();
    scheduler.runDue();
    awaitSettled(a);

    assertThat(runs(a, "DELIVERED"))
        .extracting(AutomationRun::customer)
        .containsExactlyInAnyOrderElementsOf(members.stream().map(Customer::externalId).toList());
  }
}
