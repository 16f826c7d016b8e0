package io.tagbase.rules;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagIndex;
import io.tagbase.engine.rule.RuleData;
import io.tagbase.engine.rule.RuleSchema;
import io.tagbase.tagging.BulkRequest;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.tagging.TagKeys;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Template tags: layered first-match lists, RFM tiers and lifecycle stages. Saving checks the
 * settings against the live schema, refuses a dependency cycle, stores them as the tag's rule (a
 * new version) and evaluates as of today. Evaluation loads the events the template reads, computes
 * every value's members under the index's read lock, and writes only the differences through bulk
 * tagging (source RULE, actor {@code rule:<code>@v<n>}), so value moves reach the tag history as a
 * leave and an enter. The daily rule job re-evaluates them with the time-relative rules.
 */
@Service
public class TemplateService {
  private final TaxonomyService taxonomy;
  private final MembershipIndex index;
  private final RuleWrites writes;
  private final JdbcRuleRepository repository;
  private final RuleSchemas schemas;
  private final RuleOrder order;
  private final TemplateCompiler compiler;
  private final TemplateTags templateTags;
  private final io.tagbase.customer.CustomerService customers;
  private final io.tagbase.privacy.AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final java.time.ZoneId zone;
  private final org.springframework.beans.factory.ObjectProvider<RuleChangeGate> gates;
  private final io.tagbase.taxonomy.TagActivity activity;

  TemplateService(
      @org.springframework.beans.factory.annotation.Value("${tagbase.zone:Asia/Shanghai}")
          String zone,
      io.tagbase.taxonomy.TagActivity activity,
      org.springframework.beans.factory.ObjectProvider<RuleChangeGate> gates,
      TaxonomyService taxonomy,
      MembershipIndex index,
      RuleWrites writes,
      JdbcRuleRepository repository,
      RuleSchemas schemas,
      RuleOrder order,
      TemplateCompiler compiler,
      TemplateTags templateTags,
      io.tagbase.customer.CustomerService customers,
      io.tagbase.privacy.AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.activity = activity;
    this.gates = gates;
    this.audit = audit;
    this.templateTags = templateTags;
    this.customers = customers;
    this.taxonomy = taxonomy;
    this.index = index;
    this.writes = writes;
    this.repository = repository;
    this.schemas = schemas;
    this.order = order;
    this.compiler = compiler;
    this.tx = tx;
    this.clock = clock;
    this.zone = java.time.ZoneId.of(zone);
  }

  /**
   * Creates an RFM tier tag with its R, F and M score tags (values s1..s{bands}; each only when
   * missing) in {@code category}, and saves and evaluates default settings over {@code event}.
   */
  public TemplatePreview createRfm(
      String code,
      String category,
      String nameZh,
      String nameEn,
      int bands,
      String event,
      String actor) {
    requireNewTag(code, category, nameZh, nameEn);
    boolean existed = taxonomy.find(code).isPresent();
    if (bands < 2 || bands > io.tagbase.engine.score.Scoring.MAX_BANDS) {
      throw new InvalidInputException("bands", "Scores need between 2 and 9 bands.");
    }
    TagDefinition tier = templateTags.createRfmTags(code, category, nameZh, nameEn, bands, actor);
    return save(tier.code(), TemplateTags.defaultRfm(tier.code(), event, bands), actor, existed);
  }

  /** Creates a lifecycle stage tag (when missing) and saves and evaluates default thresholds. */
  public TemplatePreview createLifecycle(
      String code, String category, String nameZh, String nameEn, String event, String actor) {
    requireNewTag(code, category, nameZh, nameEn);
    boolean existed = taxonomy.find(code).isPresent();
    TagDefinition tag = templateTags.createLifecycleTag(code, category, nameZh, nameEn, actor);
    return save(
        tag.code(), new TagTemplate.Lifecycle(event, null, null, null, null), actor, existed);
  }

  /** What the tags a template creates need, checked before any is created (API and console). */
  private static void requireNewTag(String code, String category, String nameZh, String nameEn) {
    String[][] fields = {
      {"code", code}, {"categoryCode", category}, {"nameZh", nameZh}, {"nameEn", nameEn}
    };
    for (String[] field : fields) {
      if (field[1] == null || field[1].isBlank()) {
        throw new InvalidInputException(field[0], "is required");
      }
    }
    // room for the _r, _f and _m score tags within the 64 characters a code may have
    if (!code.matches(io.tagbase.taxonomy.TagCodes.PATTERN) || code.length() > 60) {
      throw new InvalidInputException(
          "code", "must start with a lower-case letter and use only a-z, 0-9 and _ (2-60 chars)");
    }
    // room for the score tags' suffixes within the 100 characters a name may have
    if (nameZh.length() > 60) {
      throw new InvalidInputException("nameZh", "must be at most 60 characters");
    }
    if (nameEn.length() > 60) {
      throw new InvalidInputException("nameEn", "must be at most 60 characters");
    }
  }

  /** The tag's template settings; 404 when it has none (or has a plain rule). */
  public TagTemplate get(String tagCode) {
    TagRule stored = stored(tagCode);
    if (stored.flag()) {
      throw new io.tagbase.web.NotFoundException(
          "Tag '" + tagCode + "' has a rule, not a template.");
    }
    return TagTemplate.read(stored.program(), stored.text());
  }

  /**
   * Saves the settings as a new version and evaluates them as of today; the {@link RuleChangeGate}s
   * may stop it (governance keeps it as a change request).
   */
  public TemplatePreview save(String tagCode, TagTemplate template, String actor) {
    return save(tagCode, template, actor, true);
  }

  /** {@code gated} false: the tag was created by this very call, so nothing is being changed. */
  private TemplatePreview save(String tagCode, TagTemplate template, String actor, boolean gated) {
    if (template == null) {
      throw new InvalidInputException("body", "The template settings are empty.");
    }
    TagDefinition tag = taxonomy.get(tagCode);
    TemplateProgram program = compiler.compile(tag, template, schemas.build());
    List<TagRule> others =
        repository.all().stream().filter(r -> !r.tagCode().equals(tagCode)).toList();
    for (String written : program.writes().subList(1, program.writes().size())) {
      if (others.stream().anyMatch(r -> r.tagCode().equals(written))) {
        throw new ConflictException(
            "tags", "Tag '" + written + "' already has its own rule; choose another score tag.");
      }
    }
    List<String> cycle = order.cycle(tagCode, program.tags(), repository.all());
    if (!cycle.isEmpty()) {
      throw new InvalidInputException(
          "branches",
          "The template would make tag '"
              + tagCode
              + "' depend on itself: "
              + String.join(" -> ", cycle)
              + ".");
    }
    if (gated) {
      TagRule current = repository.find(tag.id()).orElse(null);
      gates.orderedStream().forEach(g -> g.savingTemplate(tag, current, template, actor));
    }
    String settings = TagTemplate.write(template);
    audit.record(actor, "TEMPLATE_SAVED", "tag", tagCode, template.program() + " " + settings);
    tx.executeWithoutResult(
        s ->
            repository.save(
                tag.id(),
                template.program(),
                settings,
                program.tags().stream().sorted().toList(),
                program.events().stream().sorted().toList(),
                program.timeRelative(),
                actor,
                clock.instant()));
    return evaluate(tagCode, today());
  }

  /**
   * What the settings would give as of {@code asOf}, compared with today's members; writes nothing.
   */
  public TemplatePreview preview(String tagCode, TagTemplate template, LocalDate asOf) {
    if (template == null) {
      throw new InvalidInputException("body", "The template settings are empty.");
    }
    TagDefinition tag = taxonomy.get(tagCode);
    RuleSchema schema = schemas.build();
    TemplateProgram program = compiler.compile(tag, template, schema);
    return compute(program, schema, asOf).preview;
  }

  /**
   * Evaluates the tag's stored template as of {@code asOf} and writes who entered, moved and left.
   * A template that no longer fits (a value removed, a tag archived) is refused with its error kept
   * as the last result.
   */
  public TemplatePreview evaluate(String tagCode, LocalDate asOf) {
    TagRule stored = stored(tagCode);
    TagDefinition tag = taxonomy.get(tagCode);
    RuleSchema schema = schemas.build();
    TemplateProgram program;
    try {
      program = compiler.compile(tag, TagTemplate.read(stored.program(), stored.text()), schema);
    } catch (RuntimeException e) {
      tx.executeWithoutResult(
          s -> repository.recordResult(tag.id(), clock.instant(), asOf, null, e.getMessage()));
      throw e;
    }
    Computed computed = compute(program, schema, asOf);
    activity.used(program.tags());
    String actor = "rule:" + tagCode + "@v" + stored.version();
    String reason =
        stored.program().toLowerCase(java.util.Locale.ROOT)
            + " "
            + tagCode
            + " v"
            + stored.version()
            + " as of "
            + asOf;
    tx.executeWithoutResult(
        s -> {
          for (Moves moves : computed.moves) {
            TagDefinition written = taxonomy.get(moves.tag);
            moves.add.forEach(
                (value, ids) ->
                    writes.apply(written, BulkRequest.Operation.ADD, value, ids, actor, reason));
            writes.apply(written, BulkRequest.Operation.REMOVE, null, moves.remove, actor, reason);
          }
          if (computed.numbers != null) {
            repository.replaceNumbers(tag.id(), computed.numbers, asOf);
          }
          repository.recordResult(
              tag.id(), clock.instant(), asOf, computed.preview.summary(), null);
        });
    return computed.preview;
  }

  /**
   * Re-evaluates a layered template for the given customers only (after their events commit) and
   * writes the customers whose value changed. RFM and lifecycle templates wait for the daily job. A
   * template that no longer fits is skipped (its error shows at the next full evaluation).
   */
  void customersChanged(TagRule stored, Map<Long, String> externalIds, RuleSchema schema) {
    if (!"LAYERED".equals(stored.program()) || externalIds.isEmpty()) {
      return;
    }
    TagDefinition tag = taxonomy.get(stored.tagCode());
    LayeredProgram program;
    try {
      program =
          (LayeredProgram)
              compiler.compile(tag, TagTemplate.read(stored.program(), stored.text()), schema);
    } catch (RuntimeException e) {
      return;
    }
    LocalDate asOf = today();
    RuleInputs inputs =
        repository.load(schemas.customTypes(), program.events(), asOf, externalIds.keySet());
    Map<String, List<String>> add = new LinkedHashMap<>();
    List<String> remove = new ArrayList<>();
    index.withIndex(
        (dictionary, tags) -> {
          RuleData data = inputs.toData(schema, dictionary, tags);
          for (String externalId : externalIds.values()) {
            var id = dictionary.find(externalId);
            if (id.isEmpty()) {
              continue;
            }
            String now = program.valueOf(data.record(id.getAsInt()), asOf);
            String held = null;
            for (TagValue v : tag.values()) {
              if (tags.has(TagKeys.of(tag.code(), v.code()), id.getAsInt())) {
                held = v.code();
              }
            }
            if (now == null && held != null) {
              remove.add(externalId);
            } else if (now != null && !now.equals(held)) {
              add.computeIfAbsent(now, k -> new ArrayList<>()).add(externalId);
            }
          }
          return null;
        });
    if (add.isEmpty() && remove.isEmpty()) {
      return;
    }
    String actor = "rule:" + tag.code() + "@v" + stored.version();
    String reason = "layered " + tag.code() + " v" + stored.version() + " as of " + asOf;
    tx.executeWithoutResult(
        s -> {
          add.forEach(
              (value, ids) ->
                  writes.apply(tag, BulkRequest.Operation.ADD, value, ids, actor, reason));
          writes.apply(tag, BulkRequest.Operation.REMOVE, null, remove, actor, reason);
        });
  }

  /**
   * For one customer and a layered template, each branch's explanation in order up to the first
   * that holds (the value the customer gets), or the else value.
   */
  public List<String> explainLayered(String tagCode, String customerExternalId, LocalDate asOf) {
    TagRule stored = stored(tagCode);
    if (!"LAYERED".equals(stored.program())) {
      throw new ConflictException(
          "program",
          "Explain covers rules and layered lists; '" + tagCode + "' is " + stored.program());
    }
    TagDefinition tag = taxonomy.get(tagCode);
    RuleSchema schema = schemas.build();
    LayeredProgram program =
        (LayeredProgram)
            compiler.compile(tag, TagTemplate.read(stored.program(), stored.text()), schema);
    RuleInputs inputs =
        repository.load(
            schemas.customTypes(), program.events(), asOf, List.of(customerId(customerExternalId)));
    return index.withIndex(
        (dictionary, tags) -> {
          var id = dictionary.find(customerExternalId);
          if (id.isEmpty()) {
            throw new io.tagbase.web.NotFoundException(
                "No customer with id '" + customerExternalId + "'.");
          }
          return program.explain(
              inputs.toData(schema, dictionary, tags).record(id.getAsInt()), asOf);
        });
  }

  private long customerId(String externalId) {
    return customers.get(externalId).id(); // 404 outside the caller's scope too
  }

  private record Moves(String tag, Map<String, List<String>> add, List<String> remove) {}

  private record Computed(
      TemplatePreview preview, List<Moves> moves, Map<String, Double> numbers) {}

  private Computed compute(TemplateProgram program, RuleSchema schema, LocalDate asOf) {
    RuleInputs inputs = repository.events(program.events(), asOf);
    return index.withColumns(
        (dictionary, tags, attributes) -> {
          RuleData data = inputs.toData(schema, dictionary, tags, attributes);
          TemplateProgram.Result result = program.evaluate(data, asOf);
          List<TemplatePreview.TagOutcome> outcomes = new ArrayList<>();
          List<Moves> moves = new ArrayList<>();
          for (String code : program.writes()) {
            Map<String, TagBitmap> now = result.members().getOrDefault(code, Map.of());
            outcomes.add(outcome(code, now, tags));
            moves.add(moves(code, now, tags, dictionary));
          }
          Map<String, Double> numbers = null;
          if (result.numbers() != null) {
            numbers = new LinkedHashMap<>();
            double[] n = result.numbers();
            for (int id = 0; id < n.length; id++) {
              String externalId = Double.isNaN(n[id]) ? null : dictionary.externalId(id);
              if (externalId != null) {
                numbers.put(externalId, n[id]);
              }
            }
          }
          return new Computed(
              new TemplatePreview(asOf, result.summary(), outcomes), moves, numbers);
        });
  }

  private TemplatePreview.TagOutcome outcome(
      String code, Map<String, TagBitmap> now, TagIndex tags) {
    List<TemplatePreview.ValueOutcome> values = new ArrayList<>();
    long members = 0;
    TagDefinition tag = taxonomy.get(code);
    List<String> codes = new ArrayList<>();
    if (tag.layered()) {
      tag.values().forEach(v -> codes.add(v.code()));
    } else {
      codes.add(null);
    }
    for (String value : codes) {
      TagBitmap members_ = now.getOrDefault(value, TagBitmap.empty());
      TagBitmap before = tags.bitmap(TagKeys.of(code, value));
      members += members_.cardinality();
      values.add(
          new TemplatePreview.ValueOutcome(
              value,
              members_.cardinality(),
              members_.andNot(before).cardinality(),
              before.andNot(members_).cardinality()));
    }
    return new TemplatePreview.TagOutcome(code, members, values);
  }

  private static Moves moves(
      String code, Map<String, TagBitmap> now, TagIndex tags, CustomerDictionary dictionary) {
    Map<String, List<String>> add = new LinkedHashMap<>();
    TagBitmap all = TagBitmap.empty();
    for (var entry : now.entrySet()) {
      all.orInPlace(entry.getValue());
      List<String> ids =
          RuleWrites.externalIds(
              entry.getValue().andNot(tags.bitmap(TagKeys.of(code, entry.getKey()))), dictionary);
      if (!ids.isEmpty()) {
        add.put(entry.getKey(), ids);
      }
    }
    List<String> remove = RuleWrites.externalIds(tags.bitmap(code).andNot(all), dictionary);
    return new Moves(code, add, remove);
  }

  private TagRule stored(String tagCode) {
    TagDefinition tag = taxonomy.get(tagCode);
    return repository
        .find(tag.id())
        .orElseThrow(
            () -> new io.tagbase.web.NotFoundException("Tag '" + tagCode + "' has no template."));
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /** The numbers statistical tags hold for a customer, by tag code. */
  public Map<String, Double> numbers(String customerExternalId) {
    customers.get(customerExternalId); // 404 for an unknown customer or one outside the scope
    return repository.numbers(customerExternalId);
  }
}
