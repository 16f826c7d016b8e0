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
import io.tagbase.rules.TagTemplate;
import io.tagbase.rules.TemplateService;
import io.tagbase.segment.NewSegment;
import io.tagbase.segment.SegmentKind;
import io.tagbase.segment.SegmentLibrary;
import io.tagbase.segment.SegmentService;
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
import io.tagbase.taxonomy.TagUpdate;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TagValueType;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ChangeAwaitsApproval;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
  @Autowired TemplateService templates;
  @Autowired SegmentService segmentService;
  @Autowired TagActivityLog activity;
  @Autowired TagOverviews overviews;

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

    assertThat(health.findings(null, Locale.ENGLISH))
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
      List<Finding> findings = health.findings(null, Locale.ENGLISH);
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
                .isInstanceOf(ChangeAwaitsApproval.class)
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
                .isInstanceOf(ChangeAwaitsApproval.class));
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

  ChangeRequest pendingFor(String tag) {
    return approvals.list("PENDING", 500).stream()
        .filter(r -> r.tagCode().equals(tag))
        .findFirst()
        .orElseThrow();
  }

  String layered(String prefix) {
    String code = unique(prefix);
    taxonomy.createTag(
        new NewTag(
            code,
            category,
            "分层" + prefix,
            "Layered " + prefix,
            null,
            null,
            TagKind.RULE,
            TagStatus.ACTIVE,
            null,
            TagValueType.LAYERED,
            List.of(new TagValue("gold", "金", "Gold"), new TagValue("silver", "银", "Silver")),
            RefreshMode.REAL_TIME,
            null,
            null),
        "tester");
    return code;
  }

  TagUpdate edit(String code, String categoryCode, String nameEn, String description) {
    var t = taxonomy.get(code);
    return new TagUpdate(
        code,
        categoryCode,
        t.nameZh(),
        nameEn,
        null,
        description,
        t.kind(),
        t.owner(),
        t.valueType(),
        t.values(),
        t.refreshMode(),
        t.defaultTtlDays(),
        t.sensitivity(),
        null,
        null);
  }

  @Test
  void aNonApproversTemplateChangeBecomesARequestWithTheDryRunPerValue() {
    String x = manual("x");
    String y = manual("y");
    String c1 = customer(), c2 = customer();
    give(x, c1, c2);
    give(y, c2);
    String tier = layered("tier");
    var before =
        new TagTemplate.Layered(List.of(new TagTemplate.Branch("gold", "has tag " + x)), null);
    templates.save(tier, before, "admin");
    assertThat(index.count(tier)).isEqualTo(2);
    var after =
        new TagTemplate.Layered(
            List.of(
                new TagTemplate.Branch("gold", "has tag " + y),
                new TagTemplate.Branch("silver", "has tag " + x)),
            null);

    asEditorWithoutApprove(
        () ->
            assertThatThrownBy(() -> templates.save(tier, after, "editor"))
                .isInstanceOf(ChangeAwaitsApproval.class));

    assertThat(((TagTemplate.Layered) templates.get(tier)).branches()).hasSize(1);
    ChangeRequest request = pendingFor(tier);
    assertThat(request.kind()).isEqualTo("TEMPLATE");
    assertThat(request.program()).isEqualTo("LAYERED");
    assertThat(request.current()).startsWith("program: LAYERED").contains("has tag " + x);
    assertThat(request.effect())
        .contains(
            new ChangeRequest.ValueEffect(tier, "gold", 1, 0, 1),
            new ChangeRequest.ValueEffect(tier, "silver", 1, 1, 0));
    assertThat(request.membersNow()).isEqualTo(2);
    assertThat(request.membersThen()).isEqualTo(2);
    assertThat(GovernanceController.ApprovalView.of(request).diff())
        .anySatisfy(p -> assertThat(p.op()).isEqualTo("ADDED"));

    approvals.approve(request.id(), "boss", null);

    assertThat(((TagTemplate.Layered) templates.get(tier)).branches()).hasSize(2);
    assertThat(rules.get(tier).updatedBy()).isEqualTo("boss");
    assertThat(index.count(tier + "=gold")).isEqualTo(1);
    assertThat(index.count(tier + "=silver")).isEqualTo(1);
  }

  @Test
  void aNonApproversChangeOfATagsMeaningBecomesARequestAndItsDescriptionDoesNot() {
    String tag = manual("def");
    String other = unique("cat");
    taxonomy.createCategory(new NewCategory(other, null, "别类", "Other", 2));
    int version = taxonomy.get(tag).version();

    asEditorWithoutApprove(
        () ->
            editor.update(tag, edit(tag, category, taxonomy.get(tag).nameEn(), "Docs"), "editor"));
    assertThat(taxonomy.get(tag).descriptionEn()).isEqualTo("Docs");
    assertThat(taxonomy.get(tag).version()).isEqualTo(version + 1);

    asEditorWithoutApprove(
        () ->
            assertThatThrownBy(
                    () -> editor.update(tag, edit(tag, other, "Renamed", "Docs"), "editor"))
                .isInstanceOf(ChangeAwaitsApproval.class));
    assertThat(taxonomy.get(tag).nameEn()).isNotEqualTo("Renamed");
    assertThat(taxonomy.get(tag).version()).isEqualTo(version + 1);
    ChangeRequest request = pendingFor(tag);
    assertThat(request.kind()).isEqualTo("DEFINITION");
    assertThat(request.baseVersion()).isEqualTo(version + 1);
    assertThat(GovernanceController.ApprovalView.of(request).diff())
        .extracting(TextDiff.Part::text)
        .anySatisfy(t -> assertThat(t).contains("\"categoryCode\" : \"" + other + "\""))
        .anySatisfy(t -> assertThat(t).contains("Renamed"));

    approvals.approve(request.id(), "boss", "fine");

    var changed = taxonomy.get(tag);
    assertThat(changed.nameEn()).isEqualTo("Renamed");
    assertThat(changed.version()).isEqualTo(version + 2);
    assertThat(taxonomy.versions(tag).get(0).changedBy()).isEqualTo("boss");
  }

  @Test
  void aDefinitionRequestIsNotAppliedOverALaterChangeAndARejectionChangesNothing() {
    String tag = manual("def");
    asEditorWithoutApprove(
        () ->
            assertThatThrownBy(
                    () -> editor.update(tag, edit(tag, category, "First", null), "editor"))
                .isInstanceOf(ChangeAwaitsApproval.class));
    ChangeRequest first = pendingFor(tag);
    editor.update(tag, edit(tag, category, "By admin", null), "admin");

    assertThatThrownBy(() -> approvals.approve(first.id(), "boss", null))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("has changed since");
    assertThat(approvals.reject(first.id(), "boss", "stale").status()).isEqualTo("REJECTED");
    assertThat(taxonomy.get(tag).nameEn()).isEqualTo("By admin");
  }

  @Test
  void oneTagsOverviewAgreesWithTheLibraryReportAndNamesItsPendingRequest() {
    String tag = manual("card");
    String other = unique("cat");
    taxonomy.createCategory(new NewCategory(other, null, "别类", "Other", 2));
    give(tag, customer());
    segment(tag);
    activity.viewed(tag);
    segmentService.count(io.tagbase.engine.Condition.tag(tag));
    asEditorWithoutApprove(
        () ->
            assertThatThrownBy(() -> editor.update(tag, edit(tag, other, "Moved", null), "editor"))
                .isInstanceOf(ChangeAwaitsApproval.class));
    long request = pendingFor(tag).id();

    TagOverview overview = overviews.of(tag, Locale.SIMPLIFIED_CHINESE);

    assertThat(overview.findings())
        .containsExactlyElementsOf(
            health.findings(null, Locale.SIMPLIFIED_CHINESE).stream()
                .filter(f -> f.tag().equals(tag))
                .toList())
        .extracting(Finding::detail)
        .contains("没有负责人。");
    assertThat(overview.quality())
        .isEqualTo(
            health.quality().stream().filter(q -> q.tag().equals(tag)).findFirst().orElseThrow());
    LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    assertThat(overview.lastViewed()).isEqualTo(today);
    assertThat(overview.lastUsed()).isEqualTo(today);
    assertThat(overview.pending())
        .extracting(TagOverview.Pending::id, TagOverview.Pending::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(request, "DEFINITION"));
    assertThat(overview.usedBy()).isEqualTo(1);

    approvals.reject(request, "boss", null);
    assertThat(overviews.of(tag, Locale.ENGLISH).pending()).isEmpty();
  }

  @Test
  void anArchivedTagsOverviewHasNoScoreAndNoFindings() {
    String tag = manual("gone");
    editor.changeStatus(tag, new StatusChange("DEPRECATED", null), "tester");
    editor.changeStatus(tag, new StatusChange("ARCHIVED", null), "tester");

    TagOverview overview = overviews.of(tag, Locale.ENGLISH);

    assertThat(overview.quality()).isNull();
    assertThat(overview.findings()).isEmpty();
  }

  @Test
  void aTagNobodyViewsOrUsesBecomesIdleAndAViewOrASegmentCountWakesIt() {
    String tag = manual("idle");
    clock.advance(Duration.ofDays(91));
    try {
      assertThat(kinds(tag)).contains("IDLE");

      activity.viewed(tag);
      assertThat(kinds(tag)).doesNotContain("IDLE");

      clock.advance(Duration.ofDays(90));
      Finding idle =
          health.findings(null, Locale.ENGLISH).stream()
              .filter(f -> f.tag().equals(tag) && f.kind().equals("IDLE"))
              .findFirst()
              .orElseThrow();
      assertThat(idle.params())
          .containsEntry("days", 90)
          .containsEntry("lastViewed", "2026-08-31")
          .containsEntry("lastUsed", null);
      assertThat(idle.detail()).contains("last viewed 2026-08-31").contains("last used never");

      segmentService.count(io.tagbase.engine.Condition.tag(tag));
      assertThat(kinds(tag)).doesNotContain("IDLE");
      assertThat(health.findings(30, Locale.ENGLISH))
          .filteredOn(f -> f.tag().equals(tag))
          .extracting(Finding::kind)
          .doesNotContain("IDLE");
    } finally {
      clock.advance(Duration.ofDays(-181));
    }
  }

  @Test
  void aSavedSegmentsPreviewUsesTheTagsOfItsCondition() {
    String tag = manual("seg");
    String segment = segment(tag);
    clock.advance(Duration.ofDays(100));
    try {
      segmentService.preview(
          io.tagbase.engine.Condition.tag(io.tagbase.segment.SegmentKeys.of(segment)), 0, 5);
      assertThat(activity.all().get(tag).lastUsed()).isEqualTo(rules.today());
    } finally {
      clock.advance(Duration.ofDays(-100));
    }
  }

  @Test
  void viewsAreWrittenOncePerDay() {
    String tag = manual("once");
    activity.viewed(tag);
    assertThat(activity.pending()).isPositive();
    activity.flush();
    for (int i = 0; i < 1000; i++) {
      activity.viewed(tag);
      segmentService.count(io.tagbase.engine.Condition.tag(tag));
    }
    activity.flush();
    for (int i = 0; i < 1000; i++) {
      activity.viewed(tag);
    }
    assertThat(activity.pending()).isZero();
    assertThat(activity.all().get(tag).lastViewed()).isEqualTo(rules.today());
  }

  @Test
  void findingDetailsAreInTheLanguageAskedForWithTheSameParameters() {
    String tag = manual("lang");
    Finding en = find(health.findings(null, Locale.ENGLISH), tag, "NO_OWNER");
    Finding zh = find(health.findings(null, Locale.SIMPLIFIED_CHINESE), tag, "NO_OWNER");
    assertThat(en.detail()).isEqualTo("Nobody owns it.");
    assertThat(zh.detail()).isEqualTo("没有负责人。");
    assertThat(find(health.findings(null, Locale.SIMPLIFIED_CHINESE), tag, "UNUSED").detail())
        .contains("没有任何规则");
    assertThat(en.params()).isEqualTo(zh.params());
  }

  static Finding find(List<Finding> findings, String tag, String kind) {
    return findings.stream()
        .filter(f -> f.tag().equals(tag) && f.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  List<String> kinds(String tag) {
    return health.findings(null, Locale.ENGLISH).stream()
        .filter(f -> f.tag().equals(tag))
        .map(Finding::kind)
        .toList();
  }
}
