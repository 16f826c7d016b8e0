package io.tagbase.governance;

import io.tagbase.rules.DryRun;
import io.tagbase.rules.RuleChangeGate;
import io.tagbase.rules.RuleService;
import io.tagbase.rules.TagRule;
import io.tagbase.rules.TagTemplate;
import io.tagbase.rules.TemplatePreview;
import io.tagbase.rules.TemplateService;
import io.tagbase.taxonomy.MemberCounts;
import io.tagbase.taxonomy.TagCategory;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagGuard;
import io.tagbase.taxonomy.TagStatus;
import io.tagbase.taxonomy.TaxonomyService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Where a change to an ACTIVE tag's definition by a caller without APPROVE is stopped and kept as a
 * {@link ChangeRequest}: its rule ({@link RuleChangeGate#saving}), its template settings ({@link
 * RuleChangeGate#savingTemplate}) and its own fields ({@link TagGuard#updating}, for the fields
 * {@link DefinitionJson} says change its meaning). Runs after every other check (last in order), so
 * only a change that would have been made becomes a request. Cost of a stopped change: its dry run
 * (one rule or template evaluation without writing) and one insert.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ChangeGates implements RuleChangeGate, TagGuard {
  private final Approvals approvals;
  private final RuleService rules;
  private final TemplateService templates;
  private final TaxonomyService taxonomy;
  private final MemberCounts counts;

  ChangeGates(
      Approvals approvals,
      RuleService rules,
      TemplateService templates,
      TaxonomyService taxonomy,
      MemberCounts counts) {
    this.approvals = approvals;
    this.rules = rules;
    this.templates = templates;
    this.taxonomy = taxonomy;
    this.counts = counts;
  }

  @Override
  public void saving(TagDefinition tag, String current, String text, String actor) {
    if (!gated(tag)) {
      return;
    }
    DryRun dry = rules.dryRun(text, tag.code(), rules.today());
    long entering = dry.entering() == null ? 0 : dry.entering();
    long leaving = dry.leaving() == null ? 0 : dry.leaving();
    approvals.submit(
        request(
            tag,
            "RULE",
            null,
            current,
            text,
            dry.count() - entering + leaving,
            dry.count(),
            entering,
            leaving,
            List.of(),
            null,
            actor));
  }

  @Override
  public void savingTemplate(
      TagDefinition tag, TagRule current, TagTemplate template, String actor) {
    if (!gated(tag)) {
      return;
    }
    TemplatePreview preview = templates.preview(tag.code(), template, rules.today());
    List<ChangeRequest.ValueEffect> effect = new ArrayList<>();
    long then = 0;
    long entering = 0;
    long leaving = 0;
    for (TemplatePreview.TagOutcome outcome : preview.tags()) {
      for (TemplatePreview.ValueOutcome v : outcome.values()) {
        effect.add(
            new ChangeRequest.ValueEffect(
                outcome.tag(), v.value(), v.members(), v.entering(), v.leaving()));
        if (outcome.tag().equals(tag.code())) {
          entering += v.entering();
          leaving += v.leaving();
        }
      }
      if (outcome.tag().equals(tag.code())) {
        then = outcome.members();
      }
    }
    approvals.submit(
        request(
            tag,
            "TEMPLATE",
            template.program(),
            TemplateText.of(current),
            TemplateText.settings(template),
            counts.count(tag.code()),
            then,
            entering,
            leaving,
            effect,
            null,
            actor));
  }

  @Override
  public void updating(TagDefinition current, TagDefinition changed, TagCategory category) {
    if (!gated(current)) {
      return;
    }
    Map<String, Object> before = DefinitionJson.fields(current, categoryCode(current));
    Map<String, Object> after = DefinitionJson.fields(changed, category.code());
    if (!DefinitionJson.needsApproval(before, after)) {
      return;
    }
    long members = counts.count(current.code());
    approvals.submit(
        request(
            current,
            "DEFINITION",
            null,
            DefinitionJson.write(before),
            DefinitionJson.write(after),
            members,
            members,
            0,
            0,
            List.of(),
            current.version(),
            Approvals.callerName()));
  }

  private static boolean gated(TagDefinition tag) {
    return tag.status() == TagStatus.ACTIVE && !Approvals.callerMayApprove();
  }

  private String categoryCode(TagDefinition tag) {
    return taxonomy.categories().stream()
        .filter(c -> c.id() == tag.categoryId())
        .map(TagCategory::code)
        .findFirst()
        .orElse(null);
  }

  private static ChangeRequest request(
      TagDefinition tag,
      String kind,
      String program,
      String current,
      String proposed,
      long now,
      long then,
      long entering,
      long leaving,
      List<ChangeRequest.ValueEffect> effect,
      Integer baseVersion,
      String actor) {
    return new ChangeRequest(
        0,
        tag.code(),
        kind,
        program,
        current,
        proposed,
        now,
        then,
        entering,
        leaving,
        effect,
        baseVersion,
        "PENDING",
        actor,
        null,
        null,
        null,
        null);
  }
}
