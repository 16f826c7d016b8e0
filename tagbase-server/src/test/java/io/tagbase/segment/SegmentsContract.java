package io.tagbase.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tagbase.customer.CustomerProfiles;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewCustomer;
import io.tagbase.job.JobService;
import io.tagbase.job.JobStatus;
import io.tagbase.tagging.AssignOptions;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.tagging.TaggingService;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Saved segments on H2 and PostgreSQL: evaluation, enter/leave tracking, snapshots, insight. */
@RecordApplicationEvents
abstract class SegmentsContract {
  @Autowired SegmentLibrary library;
  @Autowired SegmentService segments;
  @Autowired io.tagbase.privacy.Consents consents;
  @Autowired SegmentInsights insights;
  @Autowired SegmentExports exports;
  @Autowired JobService jobs;
  @Autowired CustomerService customers;
  @Autowired CustomerProfiles profiles;
  @Autowired TaxonomyService taxonomy;
  @Autowired TaggingService tagging;
  @Autowired MembershipIndex index;
  @Autowired ApplicationEvents events;

  String a;
  String b;
  List<String> ids = new ArrayList<>();
  Set<String> holdA = new HashSet<>();
  Set<String> holdB = new HashSet<>();

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @BeforeEach
  void data() {
    String category = unique("cat_");
    taxonomy.createCategory(new NewCategory(category, null, "分类", "Category", 0));
    a = unique("ta_");
    b = unique("tb_");
    taxonomy.createTag(NewTag.flag(a, category, "甲", "A", null, null), "t");
    taxonomy.createTag(NewTag.flag(b, category, "乙", "B", null, null), "t");
    Random random = new Random(42);
    for (int i = 0; i < 40; i++) {
      String id = unique("c");
      customers.create(
          new NewCustomer(
              id, "客户", null, null, i % 2 == 0 ? "上海" : "北京", null, null, null, null, null, null));
      ids.add(id);
      if (random.nextInt(3) == 0) {
        tagging.assign(id, a, AssignOptions.NONE, AssignmentSource.MANUAL, "t");
        holdA.add(id);
      }
      if (random.nextInt(2) == 0) {
        tagging.assign(id, b, AssignOptions.NONE, AssignmentSource.MANUAL, "t");
        holdB.add(id);
      }
    }
  }

  SegmentDefinition save(String code, SegmentKind kind, Object condition) {
    return library.create(new NewSegment(code, "人群", "Segment", null, kind, condition), "t");
  }

  @Test
  void savedSegmentCountsItsMembersAndRemembersThem() {
    var s =
        save(
            unique("s_"),
            SegmentKind.DYNAMIC,
            Map.of("and", List.of(Map.of("tag", a), Map.of("tag", b))));
    long expected = holdA.stream().filter(holdB::contains).count();
    assertThat(s.size()).isEqualTo(expected);
    assertThat(library.sizes(s.code(), 1))
        .singleElement()
        .satisfies(p -> assertThat(p.size()).isEqualTo(expected));
    index.rebuild();
    assertThat(index.count(s.indexKey())).isEqualTo(expected);
  }

  @Test
  void segmentsCombineTagsWithConditionsInTheRuleLanguage() {
    Set<String> shanghai = new HashSet<>();
    for (int i = 0; i < ids.size(); i += 2) {
      shanghai.add(ids.get(i));
    }
    var withRule =
        save(
            unique("s_"),
            SegmentKind.DYNAMIC,
            Map.of("and", List.of(Map.of("tag", a), Map.of("rule", "城市 = 上海"))));
    assertThat(withRule.size()).isEqualTo(holdA.stream().filter(shanghai::contains).count());
    var ruleOnly =
        segments.count(
            segments.parse(
                Map.of("rule", "has tag " + b + " and not (city = \"上海\")"), "condition"));
    assertThat(ruleOnly.count())
        .isEqualTo(holdB.stream().filter(id -> !shanghai.contains(id)).count());
    assertThatThrownBy(
            () ->
                segments.parse(
                    Map.of("or", List.of(Map.of("tag", a), Map.of("rule", "ctiy = 上海"))),
                    "condition"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("condition.or[1].rule");
              assertThat(e.getMessage()).contains("unknown field 'ctiy'");
            });
  }

  @Test
  void reEvaluationRecordsWhoEnteredAndWhoLeftAndPublishesIt() {
    var s = save(unique("s_"), SegmentKind.DYNAMIC, Map.of("tag", a));
    String newcomer = ids.stream().filter(id -> !holdA.contains(id)).findFirst().orElseThrow();
    String leaver = holdA.iterator().next();
    tagging.assign(newcomer, a, AssignOptions.NONE, AssignmentSource.MANUAL, "t");
    tagging.unassign(leaver, a, AssignmentSource.MANUAL, "t", null);
    events.clear();

    RefreshResult result = library.refresh(s.code());

    assertThat(result.entered()).isEqualTo(1);
    assertThat(result.left()).isEqualTo(1);
    assertThat(library.transitions(s.code(), 10))
        .extracting(t -> t.action() + ":" + t.customerExternalId())
        .contains("ENTER:" + newcomer, "LEAVE:" + leaver);
    assertThat(events.stream(SegmentMembershipChanged.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.entered()).containsExactly(newcomer);
              assertThat(e.left()).containsExactly(leaver);
            });
    // The day's row counts every enter of the day: the first evaluation's members, then one more.
    assertThat(library.sizes(s.code(), 1).get(0).entered()).isEqualTo(holdA.size() + 1L);
  }

  @Test
  void snapshotKeepsItsMembersWhenTheSourceChanges() {
    var s = save(unique("s_"), SegmentKind.DYNAMIC, Map.of("tag", a));
    var snapshot = library.snapshot(s.code(), "t");
    assertThat(snapshot.kind()).isEqualTo(SegmentKind.STATIC);
    assertThat(snapshot.size()).isEqualTo(holdA.size());
    ids.forEach(id -> tagging.assign(id, a, AssignOptions.NONE, AssignmentSource.MANUAL, "t"));
    library.refresh(s.code());
    assertThat(index.count(library.get(s.code()).indexKey())).isEqualTo(ids.size());
    assertThat(index.count(snapshot.indexKey())).isEqualTo(holdA.size());
    assertThatThrownBy(() -> library.refresh(snapshot.code()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void segmentsCanUseOtherSegmentsButNotThemselvesAndAreNotDeletedWhileUsed() {
    var inner = save(unique("s_"), SegmentKind.DYNAMIC, Map.of("tag", a));
    var outer =
        save(
            unique("s_"),
            SegmentKind.DYNAMIC,
            Map.of("and", List.of(Map.of("segment", inner.code()), Map.of("tag", b))));
    assertThat(outer.size()).isEqualTo(holdA.stream().filter(holdB::contains).count());
    String self = unique("s_");
    assertThatThrownBy(() -> save(self, SegmentKind.DYNAMIC, Map.of("segment", self)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> library.delete(inner.code())).isInstanceOf(ConflictException.class);
    library.delete(outer.code());
    library.delete(inner.code());
    assertThat(index.count(inner.indexKey())).isZero();
  }

  @Test
  void insightGivesSharesAndTgiMatchingACountByHand() {
    var s = save(unique("s_"), SegmentKind.DYNAMIC, Map.of("tag", a));
    var insight = insights.insight(s);
    var shareB =
        insight.tags().stream().filter(t -> t.tagCode().equals(b)).findFirst().orElseThrow();
    long both = holdA.stream().filter(holdB::contains).count();
    assertThat(shareB.inSegment()).isEqualTo(both);
    assertThat(shareB.overall()).isEqualTo(holdB.size());
    double expected =
        ((double) both / holdA.size()) / ((double) holdB.size() / insight.population()) * 100;
    assertThat(shareB.tgi()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.06));
    long shanghai = holdA.stream().filter(id -> ids.indexOf(id) % 2 == 0).count();
    assertThat(insight.topValues().get("city"))
        .anySatisfy(
            v -> {
              assertThat(v.value()).isEqualTo("上海");
              assertThat(v.count()).isEqualTo(shanghai);
            });
  }

  @Test
  void comparisonCountsTheOverlap() {
    var sa = save(unique("s_"), SegmentKind.DYNAMIC, Map.of("tag", a));
    var sb = save(unique("s_"), SegmentKind.DYNAMIC, Map.of("tag", b));
    var c = insights.compare(sa, sb);
    long both = holdA.stream().filter(holdB::contains).count();
    assertThat(c.both()).isEqualTo(both);
    assertThat(c.onlyA()).isEqualTo(holdA.size() - both);
    assertThat(c.onlyB()).isEqualTo(holdB.size() - both);
  }

  @Test
  void exportWritesEveryMemberToCsv() throws Exception {
    var s = save(unique("s_"), SegmentKind.DYNAMIC, Map.of("tag", a));
    var job = exports.start(s, "csv", "t");
    await().atMost(Duration.ofSeconds(20)).until(() -> jobs.get(job.id()).status().finished());
    assertThat(jobs.get(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
    List<String> lines = Files.readAllLines(exports.file(job.id()));
    assertThat(lines).hasSize(holdA.size() + 1);
    assertThat(lines.get(0)).contains("external_id");
    assertThat(String.join("\n", lines)).contains(holdA.iterator().next());
  }

  @Test
  void exportForAPurposeLeavesOutWhoRefusedIt() throws Exception {
    var s = save(unique("s_"), SegmentKind.DYNAMIC, Map.of("tag", a));
    String refuser = holdA.iterator().next();
    consents.set(
        refuser,
        List.of(new io.tagbase.privacy.ConsentChange("marketing_sms", "REFUSED", "test")),
        "t");
    var job = exports.start(s, "csv", "marketing_sms", "t");
    await().atMost(Duration.ofSeconds(20)).until(() -> jobs.get(job.id()).status().finished());
    List<String> lines = Files.readAllLines(exports.file(job.id()));
    assertThat(lines).hasSize(holdA.size()); // header + every member but the one who refused
    assertThat(String.join("\n", lines)).doesNotContain(refuser);
    assertThat(jobs.get(job.id()).succeeded()).isEqualTo(holdA.size() - 1);
    var all = exports.start(s, "csv", "marketing_email", "t");
    await().atMost(Duration.ofSeconds(20)).until(() -> jobs.get(all.id()).status().finished());
    assertThat(Files.readAllLines(exports.file(all.id()))).hasSize(holdA.size() + 1);
    assertThatThrownBy(() -> exports.start(s, "csv", "Bad Purpose!", "t"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("purpose"));
  }

  @Test
  void mergingAwayAMemberDoesNotBreakTheSegment() {
    var s = save(unique("s_"), SegmentKind.DYNAMIC, Map.of("tag", a));
    String member = holdA.iterator().next();
    String other = ids.stream().filter(id -> !id.equals(member)).findFirst().orElseThrow();
    profiles.upsert(
        new NewCustomer(
            other,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of("crmId", "m-" + member),
            null),
        "t");
    profiles.upsert(
        new NewCustomer(
            member,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of("crmId", "m-" + member),
            null),
        "t");
    RefreshResult result = library.refresh(s.code());
    assertThat(result.size()).isEqualTo(index.count(io.tagbase.engine.Condition.tag(a)));
  }
}
