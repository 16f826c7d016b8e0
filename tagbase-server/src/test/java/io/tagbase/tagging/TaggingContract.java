package io.tagbase.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.TestClock;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewCustomer;
import io.tagbase.engine.Condition;
import io.tagbase.job.JobStatus;
import io.tagbase.tagging.MembershipChange.Action;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TagStatus;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tagging rules: layered values, expiry, history and "as of" questions, bulk tagging. Run on H2 and
 * on a real PostgreSQL.
 */
abstract class TaggingContract {
  @Autowired CustomerService customers;
  @Autowired TaxonomyService taxonomy;
  @Autowired TaggingService tagging;
  @Autowired BulkTagging bulk;
  @Autowired TagExpiry expiry;
  @Autowired MembershipIndex index;
  @Autowired TestClock clock;

  String category;

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @BeforeEach
  void category() {
    category = unique("cat");
    taxonomy.createCategory(new NewCategory(category, null, "分类", "Category", 1));
  }

  String flag(TagStatus status, Integer ttlDays) {
    String code = unique("flag");
    taxonomy.createTag(
        new NewTag(
            code, category, "标签", "Tag", null, null, null, status, null, null, null, null, ttlDays,
            null),
        "tester");
    return code;
  }

  String layered() {
    String code = unique("tier");
    List<TagValue> values =
        List.of(
            new TagValue("gold", "金", "Gold"),
            new TagValue("silver", "银", "Silver"),
            new TagValue("bronze", "铜", "Bronze"));
    taxonomy.createTag(
        new NewTag(
            code, category, "等级", "Tier", null, null, null, null, null, null, values, null, null,
            null),
        "tester");
    return code;
  }

  String customer() {
    String id = unique("c");
    customers.create(NewCustomer.withId(id, "客户"));
    return id;
  }

  @Test
  void layeredTagHoldsOneValueAndAChangeIsALeaveAndAnEnter() {
    String tier = layered();
    String id = customer();
    tagging.assign(id, tier, AssignOptions.value("silver"), AssignmentSource.MANUAL, "alice");
    WriteSummary change =
        tagging.assign(id, tier, AssignOptions.value("gold"), AssignmentSource.MANUAL, "alice");

    assertThat(change.changed()).isEqualTo(1);
    assertThat(tagging.tagsOf(id)).singleElement().extracting(CustomerTag::value).isEqualTo("gold");
    assertThat(index.count(TagKeys.of(tier, "gold"))).isEqualTo(1);
    assertThat(index.count(TagKeys.of(tier, "silver"))).isZero();
    assertThat(index.count(tier)).isEqualTo(1);
    assertThat(tagging.timeline(id, 10))
        .extracting(c -> c.action() + ":" + c.value())
        .containsExactly("ENTER:gold", "LEAVE:silver", "ENTER:silver");
  }

  @Test
  void layeredTagNeedsOneOfItsValues() {
    String tier = layered();
    String id = customer();
    assertThatThrownBy(
            () -> tagging.assign(id, tier, AssignOptions.NONE, AssignmentSource.API, "k"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("gold, silver, bronze");
    assertThatThrownBy(
            () ->
                tagging.assign(
                    id, tier, AssignOptions.value("platinum"), AssignmentSource.API, "k"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("platinum");
    assertThat(tagging.tagsOf(id)).isEmpty();
  }

  @Test
  void flagTagTakesNoValue() {
    String tag = flag(TagStatus.ACTIVE, null);
    String id = customer();
    assertThatThrownBy(
            () -> tagging.assign(id, tag, AssignOptions.value("x"), AssignmentSource.API, "k"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void archivedTagCannotBeAssignedButDeprecatedCan() {
    String archived = flag(TagStatus.ARCHIVED, null);
    String deprecated = flag(TagStatus.DEPRECATED, null);
    String id = customer();
    assertThatThrownBy(
            () -> tagging.assign(id, archived, AssignOptions.NONE, AssignmentSource.API, "k"))
        .isInstanceOf(ConflictException.class);
    assertThat(
            tagging.assign(id, deprecated, AssignOptions.NONE, AssignmentSource.API, "k").added())
        .isEqualTo(1);
  }

  @Test
  void expiryInThePastIsRefused() {
    String tag = flag(TagStatus.ACTIVE, null);
    String id = customer();
    var past = new AssignOptions(null, clock.instant().minusSeconds(1), null);
    assertThatThrownBy(() -> tagging.assign(id, tag, past, AssignmentSource.API, "k"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expiresAt");
  }

  @Test
  void defaultTtlSetsTheExpiryAndTheExpiryJobRemovesItWithHistory() {
    String tag = flag(TagStatus.ACTIVE, 7);
    String id = customer();
    tagging.assign(id, tag, AssignOptions.NONE, AssignmentSource.MANUAL, "alice");
    assertThat(tagging.tagsOf(id).get(0).expiresAt())
        .isEqualTo(clock.instant().plus(Duration.ofDays(7)));

    clock.advance(Duration.ofDays(6));
    expiry.removeExpired();
    assertThat(tagging.tagsOf(id)).hasSize(1);

    clock.advance(Duration.ofDays(2));
    assertThat(expiry.removeExpired()).isGreaterThanOrEqualTo(1);
    assertThat(tagging.tagsOf(id)).isEmpty();
    assertThat(index.count(tag)).isZero();
    MembershipChange last = tagging.timeline(id, 1).get(0);
    assertThat(last.action()).isEqualTo(Action.LEAVE);
    assertThat(last.source()).isEqualTo(AssignmentSource.SYSTEM);
    assertThat(last.reason()).isEqualTo("expired");
  }

  @Test
  void historyAnswersWhoHadTheTagOnAGivenDay() {
    String tag = flag(TagStatus.ACTIVE, null);
    String early = customer();
    String late = customer();
    Instant start = clock.instant();
    tagging.assign(early, tag, AssignOptions.NONE, AssignmentSource.MANUAL, "a");
    clock.advance(Duration.ofDays(10));
    tagging.assign(late, tag, AssignOptions.NONE, AssignmentSource.MANUAL, "a");
    clock.advance(Duration.ofDays(10));
    tagging.unassign(early, tag, AssignmentSource.MANUAL, "a", "no longer");
    clock.advance(Duration.ofDays(1));

    assertThat(tagging.holdersAt(tag, null, start.minusSeconds(1))).isEmpty();
    assertThat(tagging.holdersAt(tag, null, start.plus(Duration.ofDays(5)))).containsExactly(early);
    assertThat(tagging.holdersAt(tag, null, start.plus(Duration.ofDays(15))))
        .containsExactlyInAnyOrder(early, late);
    assertThat(tagging.holdersAt(tag, null, clock.instant())).containsExactly(late);
    assertThat(tagging.recentChanges(tag, 10).get(0).reason()).isEqualTo("no longer");
  }

  @Test
  void historyKnowsWhichValueACustomerHadOnADay() {
    String tier = layered();
    String id = customer();
    Instant start = clock.instant();
    tagging.assign(id, tier, AssignOptions.value("bronze"), AssignmentSource.RULE, "rfm");
    clock.advance(Duration.ofDays(30));
    tagging.assign(id, tier, AssignOptions.value("gold"), AssignmentSource.RULE, "rfm");
    clock.advance(Duration.ofDays(1));
    assertThat(tagging.holdersAt(tier, "bronze", start.plus(Duration.ofDays(1))))
        .containsExactly(id);
    assertThat(tagging.holdersAt(tier, "bronze", clock.instant())).isEmpty();
    assertThat(tagging.holdersAt(tier, "gold", clock.instant())).containsExactly(id);
    assertThat(tagging.holdersAt(tier, null, clock.instant())).containsExactly(id);
  }

  private List<BulkItem> items(String... ids) {
    List<BulkItem> items = new ArrayList<>();
    for (String id : ids) {
      items.add(new BulkItem(items.size() + 1, id, null, null, null));
    }
    return items;
  }

  @Test
  void allOrNothingBulkWithABadRowAppliesNothingAndReportsTheRow() {
    String tag = flag(TagStatus.ACTIVE, null);
    String a = customer();
    String b = customer();
    var outcome =
        bulk.run(
            new BulkRequest(tag, BulkRequest.Operation.ADD, true, null, null),
            items(a, "nobody", b),
            AssignmentSource.BULK,
            "alice",
            rows -> {});
    assertThat(outcome.status()).isEqualTo(JobStatus.FAILED);
    assertThat(outcome.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.row()).isEqualTo(2);
              assertThat(e.reason()).contains("nobody");
            });
    assertThat(tagging.tagsOf(a)).isEmpty();
    assertThat(index.count(tag)).isZero();
  }

  @Test
  void validRowsBulkAppliesTheGoodRowsAndReportsEachBadOne() {
    String tag = flag(TagStatus.ACTIVE, null);
    String archived = flag(TagStatus.ARCHIVED, null);
    String a = customer();
    String b = customer();
    List<BulkItem> rows =
        List.of(
            new BulkItem(2, a, null, null, null),
            new BulkItem(3, "ghost", null, null, null),
            new BulkItem(4, b, archived, null, null),
            new BulkItem(5, b, null, null, "31/12/2099"),
            new BulkItem(6, b, null, null, "2099-12-31"));
    var outcome =
        bulk.run(
            new BulkRequest(tag, BulkRequest.Operation.ADD, false, null, "campaign"),
            rows,
            AssignmentSource.IMPORT,
            "alice",
            r -> {});
    assertThat(outcome.status()).isEqualTo(JobStatus.PARTIAL);
    assertThat(outcome.succeeded()).isEqualTo(2);
    assertThat(outcome.errors()).extracting(e -> e.row()).containsExactly(3, 4, 5);
    assertThat(outcome.errors().get(1).reason()).contains("ARCHIVED");
    assertThat(index.count(tag)).isEqualTo(2);
    assertThat(tagging.tagsOf(b).get(0).expiresAt()).isNotNull();
    assertThat(tagging.tagsOf(a).get(0).source()).isEqualTo(AssignmentSource.IMPORT);
  }

  @Test
  void bulkRemoveTakesTheTagFromThoseWhoHaveItAndCountsTheOthers() {
    String tag = flag(TagStatus.ACTIVE, null);
    String a = customer();
    String b = customer();
    tagging.assign(a, tag, AssignOptions.NONE, AssignmentSource.MANUAL, "x");
    var outcome =
        bulk.run(
            new BulkRequest(tag, BulkRequest.Operation.REMOVE, true, null, "cleanup"),
            items(a, b),
            AssignmentSource.BULK,
            "alice",
            r -> {});
    assertThat(outcome.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(outcome.message()).contains("removed 1").contains("not held 1");
    assertThat(index.count(tag)).isZero();
  }

  @Test
  void bulkSetsLayeredValuesPerRow() {
    String tier = layered();
    String a = customer();
    String b = customer();
    List<BulkItem> rows =
        List.of(new BulkItem(1, a, null, "gold", null), new BulkItem(2, b, null, null, null));
    var outcome =
        bulk.run(
            new BulkRequest(tier, BulkRequest.Operation.ADD, true, "bronze", null),
            rows,
            AssignmentSource.BULK,
            "alice",
            r -> {});
    assertThat(outcome.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(index.count(Condition.tag(TagKeys.of(tier, "gold")))).isEqualTo(1);
    assertThat(index.count(Condition.tag(TagKeys.of(tier, "bronze")))).isEqualTo(1);
  }

  @Test
  void rebuiltIndexKeepsLayeredValues() {
    String tier = layered();
    String a = customer();
    tagging.assign(a, tier, AssignOptions.value("silver"), AssignmentSource.MANUAL, "x");
    index.rebuild();
    assertThat(index.count(TagKeys.of(tier, "silver"))).isEqualTo(1);
    assertThat(index.count(tier)).isEqualTo(1);
  }
}
