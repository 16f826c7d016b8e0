package io.tagbase.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.TestClock;
import io.tagbase.automation.ActionKind;
import io.tagbase.automation.AutomationAction;
import io.tagbase.automation.AutomationService;
import io.tagbase.automation.AutomationTrigger;
import io.tagbase.automation.NewAutomation;
import io.tagbase.automation.TriggerKind;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewCustomer;
import io.tagbase.rules.RuleService;
import io.tagbase.segment.NewSegment;
import io.tagbase.segment.SegmentKind;
import io.tagbase.segment.SegmentLibrary;
import io.tagbase.tagging.AssignOptions;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.tagging.TaggingService;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.RefreshMode;
import io.tagbase.taxonomy.StatusChange;
import io.tagbase.taxonomy.TagEditor;
import io.tagbase.taxonomy.TagKind;
import io.tagbase.taxonomy.TagStatus;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
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

/**
 * Governance against a real database: where-used and the archive check, naming standards, health
 * findings, similar tags (members against a brute-force reference), and a merge that rewrites a
 * rule, a segment and an automation and is undone. Run on H2 and on a real PostgreSQL. The database
 * is shared by the tests, so every assertion looks at this test's own tags only.
 */
abstract class GovernanceContract {
  @Autowired TaxonomyService taxonomy;
  @Autowired TagEditor editor;
  @Autowired TaggingService tagging;
  @Autowired CustomerService customers;
  @Autowired RuleService rules;
  @Autowired SegmentLibrary segments;
  @Autowired AutomationService automations;
  @Autowired MembershipIndex index;
  @Autowired TagUsages usages;
  @Autowired NamingStandards naming;
  @Autowired TagHealth health;
  @Autowired SimilarTags similar;
  @Autowired TagMerger merger;
  @Autowired TestClock clock;
  @Autowired Approvals approvals;

  String category;

  static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @BeforeEach
  void category() {
    category = unique("cat");
    taxonomy.createCategory(new NewCategory(category, null, "分类", "Category", 1));
  }

  String tag(String prefix, String nameZh, String nameEn, TagKind kind) {
    String code = unique(prefix);
    taxonomy.createTag(
        new NewTag(
            code,
            category,
            nameZh,
            nameEn,
            null,
            null,
            kind,
            TagStatus.ACTIVE,
            null,
            null,
            null,
            kind == TagKind.RULE ? RefreshMode.REAL_TIME : null,
            null,
            null),
        "tester");
    return code;
  }

  String manual(String prefix) {
    return tag(prefix, "手工" + prefix, "Manual " + prefix, TagKind.MANUAL);
  }

  String customer() {
    String id = unique("c");
    customers.create(NewCustomer.withId(id, "客户"));
    return id;
  }

  void give(String tag, String... customerIds) {
    for (String c : customerIds) {
      tagging.assign(
          c, tag, new AssignOptions(null, null, null), AssignmentSource.MANUAL, "tester");
    }
  }

  String segment(String tag) {
    String code = unique("seg");
    segments.create(
        new NewSegment(code, "人群", "Segment", null, SegmentKind.DYNAMIC, Map.of("tag", tag)),
        "tester");
    return code;
  }

  String automation(String triggerTag, String actionTag) {
    String code = unique("auto");
    automations.create(
        new NewAutomation(
            code,
            "自动化",
            false,
            new AutomationTrigger(TriggerKind.TAG_ENTER, triggerTag, null, null, null),
            "has tag " + triggerTag,
            null,
            null,
            null,
            null,
            null,
            List.of(
                new AutomationAction(
                    ActionKind.TAG_ADD,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    actionTag,
                    null,
                    null,
                    null,
                    null))),
        "tester");
    return code;
  }

  @Test
  void whereUsedListsTheRuleSegmentAndAutomationThatReadATag() {
    String used = manual("used");
    String other = manual("other");
    String rule = tag("rule", "规则", "Rule", TagKind.RULE);
    rules.save(rule, "has tag " + used, "tester");
    String segment = segment(used);
    String automation = automation(used, other);

    WhereUsed where = usages.of(used);

    assertThat(where.usedBy())
        .extracting(Usage::kind, Usage::code)
        .contains(
            org.assertj.core.groups.Tuple.tuple("RULE", rule),
            org.assertj.core.groups.Tuple.tuple("SEGMENT", segment),
            org.assertj.core.groups.Tuple.tuple("AUTOMATION", automation));
    assertThat(usages.of(rule).uses()).containsExactly(used);
    assertThat(usages.of(other).usedBy())
        .extracting(Usage::code, Usage::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(automation, "actions"));
  }

  @Test
  void archivingAUsedTagIsRefusedWithTheListOfUsers() {
    String used = manual("used");
    String segment = segment(used);
    editor.changeStatus(used, new StatusChange("DEPRECATED", null), "tester");

    assertThatThrownBy(
            () -> editor.changeStatus(used, new StatusChange("ARCHIVED", null), "tester"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("SEGMENT " + segment);
    assertThat(taxonomy.get(used).status()).isEqualTo(TagStatus.DEPRECATED);
  }

  @Test
  void anUnusedTagCanBeArchived() {
    String unused = manual("unused");
    editor.changeStatus(unused, new StatusChange("DEPRECATED", null), "tester");
    editor.changeStatus(unused, new StatusChange("ARCHIVED", null), "tester");
    assertThat(taxonomy.get(unused).status()).isEqualTo(TagStatus.ARCHIVED);
  }

  @Test
  void namingStandardRefusesABadCodeAndAMissingOwnerOnCreate() {
    naming.save(new NamingStandard(category, "std_[a-z0-9_]+", false, true), "tester");

    assertThatThrownBy(() -> manual("bad"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not match the pattern");
    String code = "std_" + unique("ok");
    assertThatThrownBy(
            () ->
                taxonomy.createTag(NewTag.flag(code, category, "好", "Good", null, null), "tester"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("requires an owner");
    assertThat(taxonomy.find(code)).isEmpty();
  }

  @Test
  void namingStandardIsReportedForExistingTags() {
    String old = manual("old");
    naming.save(new NamingStandard(category, "std_.*", true, false), "tester");

    assertThat(health.findings(null))
        .filteredOn(f -> f.tag().equals(old) && f.kind().equals("NAMING"))
        .extracting(Finding::detail)
        .anySatisfy(d -> assertThat(d).contains("does not match"))
        .anySatisfy(d -> assertThat(d).contains("requires a description"));
  }

  @Test
  void findingsNameUnusedEmptyAndStaleTags() {
    String empty = manual("empty");
    String rule = tag("rule", "规则", "Rule", TagKind.RULE);
    rules.save(rule, "has tag " + empty, "tester");
    clock.advance(Duration.ofDays(3));
    try {
      List<Finding> findings = health.findings(null);
      assertThat(findings)
          .filteredOn(f -> f.tag().equals(empty))
          .extracting(Finding::kind)
          .contains("NO_MEMBERS", "NO_OWNER", "NO_DESCRIPTION")
          .doesNotContain("UNUSED");
      assertThat(findings)
          .filteredOn(f -> f.tag().equals(rule))
          .extracting(Finding::kind)
          .contains("UNUSED", "RULE_STALE");
      assertThat(health.quality())
          .filteredOn(q -> q.tag().equals(empty))
          .extracting(TagQuality::score)
          .containsExactly(50);
    } finally {
      clock.advance(Duration.ofDays(-3));
    }
  }

  @Test
  void similarNamesMeetInChineseAndInPinyin() {
    String a = tag("hv", "高价值客户", "High value customer", TagKind.MANUAL);
    String b = tag("hv", "高价值顾客", "Valuable shopper", TagKind.MANUAL);
    String c = tag("gaojiazhi", "重点人群", "Key group", TagKind.MANUAL);

    List<SimilarPair> pairs = similar.byName();

    assertThat(pairs).anyMatch(p -> Set.of(p.a(), p.b()).equals(Set.of(a, b)));
    assertThat(pairs)
        .anyMatch(
            p -> Set.of(p.a(), p.b()).equals(Set.of(a, c)) && p.evidence().contains("pinyin"));
  }

  @Test
  void equalRulesWrittenDifferentlyAreSimilarDefinitions() {
    String x = manual("x");
    String y = manual("y");
    String r1 = tag("rule", "规则一", "Rule one", TagKind.RULE);
    String r2 = tag("rule", "规则二", "Rule two", TagKind.RULE);
    rules.save(r1, "has tag " + x + " and has tag " + y, "tester");
    rules.save(r2, "(has tag " + y + ") and (has tag " + x + ")", "tester");

    assertThat(similar.byDefinition()).anyMatch(p -> Set.of(p.a(), p.b()).equals(Set.of(r1, r2)));
  }

  @Test
  void memberSimilarityMatchesABruteForceReference() {
    Random random = new Random(7);
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      people.add(customer());
    }
    List<String> codes = new ArrayList<>();
    List<Set<String>> members = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      String code = manual("m");
      Set<String> held = new HashSet<>();
      double density = 0.2 + random.nextDouble() * 0.6;
      for (String p : people) {
        if (random.nextDouble() < density) {
          held.add(p);
        }
      }
      if (t == 5) {
        held = new HashSet<>(members.get(0));
        held.removeIf(p -> random.nextInt(4) == 0);
      }
      give(code, held.toArray(String[]::new));
      codes.add(code);
      members.add(held);
    }
    List<SimilarPair> found =
        similar.byMembers(0.5, 0.9).stream()
            .filter(p -> codes.contains(p.a()) && codes.contains(p.b()))
            .toList();

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      for (int j = i + 1; j < codes.size(); j++) {
        Set<String> both = new HashSet<>(members.get(i));
        both.retainAll(members.get(j));
        Set<String> either = new HashSet<>(members.get(i));
        either.addAll(members.get(j));
        double jaccard = (double) both.size() / either.size();
        double inside =
            (double) both.size() / Math.min(members.get(i).size(), members.get(j).size());
        if (jaccard >= 0.5 || inside >= 0.9) {
          expected.add(
              String.join("|", List.of(codes.get(i), codes.get(j)).stream().sorted().toList()));
        }
      }
    }
    assertThat(found)
        .extracting(p -> String.join("|", List.of(p.a(), p.b()).stream().sorted().toList()))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).isNotEmpty();
  }

  @Test
  void mergeRewritesRuleSegmentAndAutomationAndUndoPutsEverythingBack() {
    String kept = manual("kept");
    String merged = manual("merged");
    String target = manual("target");
    String rule = tag("rule", "规则", "Rule", TagKind.RULE);
    String c1 = customer(), c2 = customer(), c3 = customer(), c4 = customer(), c5 = customer();
    give(kept, c1, c2, c3);
    give(merged, c3, c4, c5);
    rules.save(rule, "has tag " + merged, "tester");
    String segment = segment(merged);
    String automation = automation(merged, target);
    segments.refresh(segment);
    assertThat(index.count(rule)).isEqualTo(3);
    assertThat(segments.get(segment).size()).isEqualTo(3);

    MergePreview preview = merger.preview(kept, List.of(merged));
    assertThat(preview.keptMembers()).isEqualTo(3);
    assertThat(preview.added()).containsEntry(merged, 2L);
    assertThat(preview.keptMembersAfter()).isEqualTo(5);
    assertThat(preview.rewrites())
        .extracting(Usage::code)
        .containsExactlyInAnyOrder(rule, segment, automation);

    TagMerge merge = merger.merge(kept, List.of(merged), "admin");
    assertThat(merger.refresh(merge.id())).isEmpty();

    assertThat(merge.membersAdded()).isEqualTo(2);
    assertThat(merge.rewritten()).isEqualTo(3);
    assertThat(index.count(kept)).isEqualTo(5);
    assertThat(index.count(merged)).isEqualTo(3);
    assertThat(taxonomy.get(merged).status()).isEqualTo(TagStatus.ARCHIVED);
    assertThat(merger.mergedInto(merged)).map(TagMerge::kept).contains(kept);
    assertThat(rules.get(rule).text()).contains(kept).doesNotContain(merged);
    assertThat(rules.get(rule).dependsOn()).containsExactly(kept);
    assertThat(index.count(rule)).isEqualTo(5);
    assertThat(segments.get(segment).condition().toString()).contains(kept);
    assertThat(segments.get(segment).size()).isEqualTo(5);
    assertThat(automations.get(automation).trigger().target()).isEqualTo(kept);
    assertThat(automations.get(automation).condition()).contains(kept);
    assertThat(usages.of(merged).usedBy()).isEmpty();
    assertThat(tagging.recentChanges(kept, 10)).hasSize(5);

    merger.undo(merge.id(), "admin");
    assertThat(merger.refresh(merge.id())).isEmpty();

    assertThat(index.count(kept)).isEqualTo(3);
    assertThat(index.count(merged)).isEqualTo(3);
    assertThat(taxonomy.get(merged).status()).isEqualTo(TagStatus.ACTIVE);
    assertThat(rules.get(rule).text()).isEqualTo("has tag " + merged);
    assertThat(rules.get(rule).dependsOn()).containsExactly(merged);
    assertThat(index.count(rule)).isEqualTo(3);
    assertThat(segments.get(segment).condition().toString()).contains(merged);
    assertThat(segments.get(segment).size()).isEqualTo(3);
    assertThat(automations.get(automation).trigger().target()).isEqualTo(merged);
    assertThat(merger.get(merge.id()).status()).isEqualTo("UNDONE");
    assertThat(merger.mergedInto(merged)).isEmpty();
  }

  @Test
  void aMergeCannotBeUndoneAfterItsPeriodOrTwice() {
    String kept = manual("kept");
    String merged = manual("merged");
    TagMerge merge = merger.merge(kept, List.of(merged), "admin");
    clock.advance(Duration.ofDays(8));
    try {
      assertThatThrownBy(() -> merger.undo(merge.id(), "admin"))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("no longer");
    } finally {
      clock.advance(Duration.ofDays(-8));
    }
    merger.undo(merge.id(), "admin");
    assertThatThrownBy(() -> merger.undo(merge.id(), "admin"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void mergeRefusesTagsOfDifferentValueTypesAndWritesNothing() {
    String kept = manual("kept");
    assertThatThrownBy(() -> merger.merge(kept, List.of(kept), "admin"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("itself");
    assertThatThrownBy(() -> merger.merge(kept, List.of("no_such_tag_x"), "admin"))
        .isInstanceOf(InvalidInputException.class);
  }

  void asEditorWithoutApprove(Runnable work) {
    var auth =
        new org.springframework.security.authentication.TestingAuthenticationToken(
            "editor", null, "PERM_RULES_WRITE");
    org.springframework.security.core.context.SecurityContextHolder.getContext()
        .setAuthentication(auth);
    try {
      work.run();
    } finally {
      org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }
  }

  @Test
  void aNonApproversChangeToAnActiveRuleBecomesARequestAnApproverAccepts() {
    String x = manual("x");
    String y = manual("y");
    String c1 = customer(), c2 = customer(), c3 = customer();
    give(x, c1, c2);
    give(y, c3);
    String rule = tag("rule", "规则", "Rule", TagKind.RULE);
    rules.save(rule, "has tag " + x, "admin");

    asEditorWithoutApprove(
        () ->
            assertThatThrownBy(() -> rules.save(rule, "has tag " + y, "editor"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("waiting as request"));

    assertThat(rules.get(rule).text()).isEqualTo("has tag " + x);
    ChangeRequest request =
        approvals.list("PENDING", 500).stream()
            .filter(r -> r.tagCode().equals(rule))
            .findFirst()
            .orElseThrow();
    assertThat(request.current()).isEqualTo("has tag " + x);
    assertThat(request.proposed()).isEqualTo("has tag " + y);
    assertThat(request.membersNow()).isEqualTo(2);
    assertThat(request.membersThen()).isEqualTo(1);
    assertThat(request.entering()).isEqualTo(1);
    assertThat(request.leaving()).isEqualTo(2);
    assertThat(request.requestedBy()).isEqualTo("editor");

    ChangeRequest approved = approvals.approve(request.id(), "boss", "ok");

    assertThat(approved.status()).isEqualTo("APPROVED");
    assertThat(approved.decidedBy()).isEqualTo("boss");
    assertThat(rules.get(rule).text()).isEqualTo("has tag " + y);
    assertThat(index.count(rule)).isEqualTo(1);
    assertThatThrownBy(() -> approvals.reject(request.id(), "boss", null))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aRejectedRequestLeavesTheRuleAsItWas() {
    String x = manual("x");
    String rule = tag("rule", "规则", "Rule", TagKind.RULE);
    rules.save(rule, "has tag " + x, "admin");
    asEditorWithoutApprove(
        () ->
            assertThatThrownBy(() -> rules.save(rule, "not has tag " + x, "editor"))
                .isInstanceOf(ConflictException.class));
    ChangeRequest request =
        approvals.list("PENDING", 500).stream()
            .filter(r -> r.tagCode().equals(rule))
            .findFirst()
            .orElseThrow();

    assertThat(approvals.reject(request.id(), "boss", "no").status()).isEqualTo("REJECTED");
    assertThat(rules.get(rule).text()).isEqualTo("has tag " + x);
  }

  @Test
  void aDraftTagsRuleIsSavedWithoutApproval() {
    String x = manual("x");
    String code = unique("draft");
    taxonomy.createTag(
        new NewTag(
            code,
            category,
            "草稿",
            "Draft",
            null,
            null,
            TagKind.RULE,
            TagStatus.DRAFT,
            null,
            null,
            null,
            RefreshMode.REAL_TIME,
            null,
            null),
        "tester");
    asEditorWithoutApprove(() -> rules.save(code, "has tag " + x, "editor"));
    assertThat(rules.get(code).text()).isEqualTo("has tag " + x);
  }
}
