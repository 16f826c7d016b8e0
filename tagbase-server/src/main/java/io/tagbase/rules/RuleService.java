package io.tagbase.rules;

import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerService;
import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagIndex;
import io.tagbase.engine.rule.BitmapPlan;
import io.tagbase.engine.rule.CheckedRule;
import io.tagbase.engine.rule.CustomerPredicate;
import io.tagbase.engine.rule.EventDays;
import io.tagbase.engine.rule.Explanation;
import io.tagbase.engine.rule.RuleChecker;
import io.tagbase.engine.rule.RuleData;
import io.tagbase.engine.rule.RuleSchema;
import io.tagbase.engine.rule.RuleSyntaxException;
import io.tagbase.engine.rule.RuleTypeException;
import io.tagbase.tagging.BulkRequest;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagKind;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule tags' API: check, save, evaluate (whole population, as of any day), dry run and explain.
 * Membership changes go through bulk tagging with source RULE, actor {@code rule:<code>@v<n>} and a
 * reason naming the rule version, so the tag history and the index stay right. Whole-population
 * evaluation (evaluate, members, dry run) reads attributes from the index's in-memory columns and
 * only the events the rule reads from the database (outside the index lock), then evaluates under
 * the read lock: a rule without events costs one bitmap plan and no database read of customers.
 * Per-customer evaluation (explain, real time) reads that customer's row. Thread-safe.
 */
@Service
public class RuleService {
  static final int SAMPLE = 20;

  /** Members after an evaluation, and who entered and left. */
  private record Change(long members, List<String> entered, List<String> left) {}

  private final TaxonomyService taxonomy;
  private final CustomerService customers;
  private final MembershipIndex index;
  private final RuleWrites writes;
  private final JdbcRuleRepository repository;
  private final RuleSchemas schemas;
  private final RuleOrder order;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final java.time.ZoneId zone;
  private final TemplateService templates;
  private final io.tagbase.privacy.AuditLog audit;
  private final org.springframework.beans.factory.ObjectProvider<RuleChangeGate> gates;
  private final io.tagbase.taxonomy.TagActivity activity;
  private final org.springframework.beans.factory.ObjectProvider<RuleEventDays> eventDays;

  RuleService(
      @org.springframework.beans.factory.annotation.Value("${tagbase.zone:Asia/Shanghai}")
          String zone,
      io.tagbase.taxonomy.TagActivity activity,
      org.springframework.beans.factory.ObjectProvider<RuleChangeGate> gates,
      org.springframework.beans.factory.ObjectProvider<RuleEventDays> eventDays,
      TaxonomyService taxonomy,
      CustomerService customers,
      MembershipIndex index,
      RuleWrites writes,
      JdbcRuleRepository repository,
      RuleSchemas schemas,
      RuleOrder order,
      TransactionTemplate tx,
      Clock clock,
      TemplateService templates,
      io.tagbase.privacy.AuditLog audit) {
    this.activity = activity;
    this.gates = gates;
    this.eventDays = eventDays;
    this.templates = templates;
    this.audit = audit;
    this.taxonomy = taxonomy;
    this.customers = customers;
    this.index = index;
    this.writes = writes;
    this.repository = repository;
    this.schemas = schemas;
    this.order = order;
    this.tx = tx;
    this.clock = clock;
    this.zone = java.time.ZoneId.of(zone);
  }

  /** Checks a rule against the live schema; {@link RuleRefused} (400) listing every error. */
  public CheckedRule check(String text) {
    return check(text, schemas.build());
  }

  /**
   * Saves the tag's rule (a new version) and evaluates it as of today. 404 for an unknown tag, 409
   * for a tag that is not a flag tag of kind RULE, 400 for a rule with errors or one that would
   * depend on itself through other rule tags.
   */
  public RuleEvaluation save(String tagCode, String text, String actor) {
    TagDefinition tag = taxonomy.get(tagCode);
    if (tag.kind() != TagKind.RULE) {
      throw new ConflictException(
          "kind",
          "Tag '" + tagCode + "' is of kind " + tag.kind() + "; only RULE tags have rules.");
    }
    if (tag.layered()) {
      throw new ConflictException(
          "valueType",
          "Rules for layered tags are not supported yet; '" + tagCode + "' is layered.");
    }
    CheckedRule rule = check(text);
    List<String> cycle = order.cycle(tagCode, rule.tags(), repository.all());
    if (!cycle.isEmpty()) {
      throw new InvalidInputException(
          "text",
          "The rule would make tag '"
              + tagCode
              + "' depend on itself: "
              + String.join(" -> ", cycle)
              + ".");
    }
    String current = repository.find(tag.id()).map(TagRule::text).orElse(null);
    gates.orderedStream().forEach(g -> g.saving(tag, current, text, actor));
    audit.record(actor, "RULE_SAVED", "tag", tagCode, rule.toString());
    tx.executeWithoutResult(
        s ->
            repository.save(
                tag.id(),
                "FLAG",
                text,
                rule.tags().stream().sorted().toList(),
                rule.events().stream().sorted().toList(),
                rule.timeRelative(),
                actor,
                clock.instant()));
    return evaluate(tagCode, today());
  }

  /** The tag's rule; 404 for an unknown tag or a tag without a rule. */
  public TagRule get(String tagCode) {
    TagDefinition tag = taxonomy.get(tagCode);
    return repository
        .find(tag.id())
        .orElseThrow(() -> new NotFoundException("Tag '" + tagCode + "' has no rule."));
  }

  /** Every stored rule, by tag code. */
  public List<TagRule> rules() {
    return repository.all();
  }

  /**
   * Evaluates the tag's rule over every customer as of {@code asOf} and writes who entered and
   * left. A rule that no longer fits the schema (a tag archived, a field removed) is refused with
   * 400 and the error is kept as the rule's last result.
   */
  public RuleEvaluation evaluate(String tagCode, LocalDate asOf) {
    TagRule stored = get(tagCode);
    if (!stored.flag()) {
      TemplatePreview.TagOutcome own = templates.evaluate(tagCode, asOf).tags().get(0);
      return new RuleEvaluation(
          tagCode,
          stored.version(),
          asOf,
          own.members(),
          (int) own.values().stream().mapToLong(TemplatePreview.ValueOutcome::entering).sum(),
          (int) own.values().stream().mapToLong(TemplatePreview.ValueOutcome::leaving).sum());
    }
    TagDefinition tag = taxonomy.get(tagCode);
    RuleSchema schema = schemas.build();
    CheckedRule rule;
    try {
      rule = check(stored.text(), schema);
    } catch (RuleRefused e) {
      tx.executeWithoutResult(
          s -> repository.recordResult(tag.id(), clock.instant(), asOf, null, e.getMessage()));
      throw e;
    }
    BitmapPlan plan = BitmapPlan.compile(rule);
    activity.used(rule.tags());
    Change change =
        wholePopulation(
            rule,
            schema,
            asOf,
            (data, day, dictionary, tags) -> {
              TagBitmap now = plan.evaluate(data, day);
              TagBitmap before = tags.bitmap(tagCode);
              return new Change(
                  now.cardinality(),
                  RuleWrites.externalIds(now.andNot(before), dictionary),
                  RuleWrites.externalIds(before.andNot(now), dictionary));
            });
    RuleEvaluation result =
        new RuleEvaluation(
            tagCode,
            stored.version(),
            asOf,
            change.members(),
            change.entered().size(),
            change.left().size());
    write(tag, stored, asOf, change.entered(), change.left(), result.describe());
    return result;
  }

  /**
   * The customers a rule holds for as of {@code asOf}, as a new bitmap over the index's ids (for
   * segments); {@link RuleRefused} (400) for a rule with errors. Cost: one bitmap plan over the
   * in-memory attribute columns, plus the events the rule reads from the database, unless the
   * activity days answer every event clause (day sets, tallies, or the recent events they hold).
   */
  public TagBitmap members(String text, LocalDate asOf) {
    RuleSchema schema = schemas.build();
    CheckedRule rule = check(text, schema);
    BitmapPlan plan = BitmapPlan.compile(rule);
    activity.used(rule.tags());
    return wholePopulation(
        rule, schema, asOf, (data, day, dictionary, tags) -> plan.evaluate(data, day));
  }

  /** What a whole-population evaluation does with the data, under the index's read lock. */
  private interface Evaluation<T> {
    T apply(RuleData data, LocalDate asOf, CustomerDictionary dictionary, TagIndex tags);
  }

  /**
   * Evaluates over everyone: attributes from the index's columns, events from the event log, or,
   * when the activity days answer every event clause ({@link EventDays#answersAll}: a {@code did},
   * {@code count} or amount {@code sum} over days they hold, or any clause over days whose events
   * they hold), from them and no event read at all (a rebuild of the index in between falls back to
   * the log).
   */
  private <T> T wholePopulation(
      CheckedRule rule, RuleSchema schema, LocalDate asOf, Evaluation<T> work) {
    RuleEventDays days = daysFor(rule, asOf);
    if (days != null) {
      try {
        return overIndex(new RuleInputs(), days, schema, asOf, work);
      } catch (RuleEventDays.IndexRebuilt rebuilt) {
        // the index was rebuilt between pairing and counting: read the events instead
      }
    }
    return overIndex(repository.events(rule.events(), asOf), null, schema, asOf, work);
  }

  /** {@code work} over the index under its read lock; {@code did}s read {@code days} if given. */
  private <T> T overIndex(
      RuleInputs inputs,
      RuleEventDays days,
      RuleSchema schema,
      LocalDate asOf,
      Evaluation<T> work) {
    return index.withColumns(
        (dictionary, tags, attributes) -> {
          RuleData data = inputs.toData(schema, dictionary, tags, attributes);
          if (days != null) {
            data.eventDays(days.through(dictionary));
          }
          return work.apply(data, asOf, dictionary, tags);
        });
  }

  /** The activity days when they answer every event clause of {@code rule}, prepared; else null. */
  private RuleEventDays daysFor(CheckedRule rule, LocalDate asOf) {
    RuleEventDays days = eventDays.getIfAvailable();
    if (days == null || rule.events().isEmpty()) {
      return null;
    }
    if (!EventDays.answersAll(rule.rule(), (int) asOf.toEpochDay(), days.through(null))) {
      return null;
    }
    days.prepare();
    return days;
  }

  /** Who a draft rule would tag as of {@code asOf}; compared with {@code tagCode} when given. */
  public DryRun dryRun(String text, String tagCode, LocalDate asOf) {
    RuleSchema schema = schemas.build();
    CheckedRule rule = check(text, schema);
    if (tagCode != null) {
      taxonomy.get(tagCode);
    }
    BitmapPlan plan = BitmapPlan.compile(rule);
    return wholePopulation(
        rule,
        schema,
        asOf,
        (RuleData data, LocalDate day, CustomerDictionary dictionary, TagIndex tags) -> {
          TagBitmap now = plan.evaluate(data, day);
          List<String> sample = new ArrayList<>();
          for (int id : now.page(0, SAMPLE)) {
            String externalId = dictionary.externalId(id);
            if (externalId != null) {
              sample.add(externalId);
            }
          }
          Long entering = null;
          Long leaving = null;
          if (tagCode != null) {
            TagBitmap before = tags.bitmap(tagCode);
            entering = now.andNot(before).cardinality();
            leaving = before.andNot(now).cardinality();
          }
          return new DryRun(rule.toString(), asOf, now.cardinality(), sample, entering, leaving);
        });
  }

  /** For one customer, every clause of the tag's rule with its value and whether it held. */
  public Explanation explain(String tagCode, String customerExternalId, LocalDate asOf) {
    TagRule stored = get(tagCode);
    Customer customer = customers.get(customerExternalId);
    RuleSchema schema = schemas.build();
    CheckedRule rule = check(stored.text(), schema);
    CustomerPredicate predicate = CustomerPredicate.compile(rule);
    RuleInputs inputs =
        repository.load(schemas.customTypes(), rule.events(), asOf, List.of(customer.id()));
    return index.withIndex(
        (dictionary, tags) -> {
          OptionalInt id = dictionary.find(customerExternalId);
          if (id.isEmpty()) {
            throw new NotFoundException("No customer with id '" + customerExternalId + "'.");
          }
          return predicate.explain(
              inputs.toData(schema, dictionary, tags).record(id.getAsInt()), asOf);
        });
  }

  /**
   * Whether a rule (text, checked against the live schema) holds for one customer as of {@code
   * asOf}: automations test their conditions with it at the time of the action. {@link RuleRefused}
   * (400) for a bad rule, 404 for an unknown customer. Cost: one load of that customer's attributes
   * and the events the rule reads.
   */
  public boolean holds(String text, String customerExternalId, LocalDate asOf) {
    Customer customer = customers.get(customerExternalId);
    RuleSchema schema = schemas.build();
    CheckedRule rule = check(text, schema);
    CustomerPredicate predicate = CustomerPredicate.compile(rule);
    RuleInputs inputs =
        repository.load(schemas.customTypes(), rule.events(), asOf, List.of(customer.id()));
    return index.withIndex(
        (dictionary, tags) -> {
          OptionalInt id = dictionary.find(customerExternalId);
          if (id.isEmpty()) {
            throw new NotFoundException("No customer with id '" + customerExternalId + "'.");
          }
          return predicate.test(
              inputs.toData(schema, dictionary, tags).record(id.getAsInt()), asOf);
        });
  }

  /**
   * Re-evaluates, for the given customers only, the rules reading any of {@code eventTypes} and the
   * rules depending on them, in dependency order; each rule's changes commit (and reach the index)
   * before the next rule reads them. Cost per rule: one load of those customers' data.
   */
  public void eventsCommitted(Collection<Long> customerIds, Set<String> eventTypes) {
    if (customerIds.isEmpty()) {
      return;
    }
    List<TagRule> affected = order.affectedByEvents(repository.all(), eventTypes);
    if (affected.isEmpty()) {
      return;
    }
    RuleSchema schema = schemas.build();
    LocalDate asOf = today();
    Map<Long, String> externalIds = repository.externalIds(customerIds);
    for (TagRule stored : affected) {
      if (!stored.flag()) {
        // layered lists per customer; RFM and lifecycle move with everyone, by the daily job
        templates.customersChanged(stored, externalIds, schema);
        continue;
      }
      TagDefinition tag = taxonomy.get(stored.tagCode());
      CheckedRule rule;
      try {
        rule = check(stored.text(), schema);
      } catch (RuleRefused e) {
        continue;
      }
      CustomerPredicate predicate = CustomerPredicate.compile(rule);
      activity.used(rule.tags());
      RuleInputs inputs =
          repository.load(schemas.customTypes(), rule.events(), asOf, externalIds.keySet());
      Change change =
          index.withIndex(
              (dictionary, tags) -> {
                var data = inputs.toData(schema, dictionary, tags);
                List<String> entered = new ArrayList<>();
                List<String> left = new ArrayList<>();
                for (String externalId : externalIds.values()) {
                  OptionalInt id = dictionary.find(externalId);
                  if (id.isEmpty()) {
                    continue;
                  }
                  boolean holds = predicate.test(data.record(id.getAsInt()), asOf);
                  boolean held = tags.has(stored.tagCode(), id.getAsInt());
                  if (holds && !held) {
                    entered.add(externalId);
                  } else if (!holds && held) {
                    left.add(externalId);
                  }
                }
                return new Change(0, entered, left);
              });
      if (!change.entered().isEmpty() || !change.left().isEmpty()) {
        write(tag, stored, asOf, change.entered(), change.left(), null);
      }
    }
  }

  /**
   * Re-evaluates every time-relative rule (and the rules depending on them) as of today, in
   * dependency order; a failing rule keeps its error as its last result and the others go on.
   */
  public List<RuleEvaluation> evaluateTimeRelative() {
    List<RuleEvaluation> done = new ArrayList<>();
    for (TagRule rule : order.timeRelative(repository.all())) {
      try {
        done.add(evaluate(rule.tagCode(), today()));
      } catch (RuntimeException e) {
        // The error is recorded on the rule (when it is the rule's own); the next rules still run.
      }
    }
    return done;
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  private void write(
      TagDefinition tag,
      TagRule rule,
      LocalDate asOf,
      List<String> entered,
      List<String> left,
      String result) {
    String actor = "rule:" + tag.code() + "@v" + rule.version();
    String reason = "rule " + tag.code() + " v" + rule.version() + " as of " + asOf;
    tx.executeWithoutResult(
        s -> {
          writes.apply(tag, BulkRequest.Operation.ADD, null, entered, actor, reason);
          writes.apply(tag, BulkRequest.Operation.REMOVE, null, left, actor, reason);
          if (result != null) {
            repository.recordResult(tag.id(), clock.instant(), asOf, result, null);
          }
        });
  }

  private static CheckedRule check(String text, RuleSchema schema) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("text", "The rule text is empty.");
    }
    try {
      return RuleChecker.check(text, schema);
    } catch (RuleSyntaxException e) {
      throw new RuleRefused(List.of(e.error()));
    } catch (RuleTypeException e) {
      throw new RuleRefused(e.errors());
    }
  }
}
