package io.tagbase.rules;

import io.tagbase.engine.rule.CheckedRule;
import io.tagbase.engine.rule.FieldType;
import io.tagbase.engine.rule.Measures;
import io.tagbase.engine.rule.RuleChecker;
import io.tagbase.engine.rule.RuleError;
import io.tagbase.engine.rule.RuleSchema;
import io.tagbase.engine.rule.RuleSyntaxException;
import io.tagbase.engine.rule.RuleTypeException;
import io.tagbase.engine.rule.ScorePredicate;
import io.tagbase.engine.score.Lifecycle;
import io.tagbase.engine.score.Scoring;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagKind;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link TagTemplate} against the live schema and taxonomy and compiles it. Every problem
 * is a 400 naming the setting ({@code branches[1].rule}, {@code segments[0].rule}, {@code filter},
 * {@code recencyTag}...) and saying what to fix; rule errors keep their column within that setting.
 */
@Component
class TemplateCompiler {
  static final int MAX_BRANCHES = 50;

  /** What RFM segment conditions may compare. */
  static final RuleSchema SCORES =
      RuleSchema.builder()
          .attribute("r", FieldType.NUMBER, "R分", "最近度")
          .attribute("f", FieldType.NUMBER, "F分", "频次")
          .attribute("m", FieldType.NUMBER, "M分", "金额")
          .attribute("total", FieldType.NUMBER, "总分")
          .build();

  private final TaxonomyService taxonomy;

  TemplateCompiler(TaxonomyService taxonomy) {
    this.taxonomy = taxonomy;
  }

  TemplateProgram compile(TagDefinition tag, TagTemplate template, RuleSchema schema) {
    if (template instanceof TagTemplate.Statistic statistic) {
      return statistic(tag, statistic, schema);
    }
    requireTemplateTag(tag);
    if (template instanceof TagTemplate.Layered layered) {
      return layered(tag, layered, schema);
    }
    if (template instanceof TagTemplate.Rfm rfm) {
      return rfm(tag, rfm, schema);
    }
    return lifecycle(tag, (TagTemplate.Lifecycle) template, schema);
  }

  private StatisticProgram statistic(
      TagDefinition tag, TagTemplate.Statistic t, RuleSchema schema) {
    requireKind(tag);
    List<TagTemplate.Range> ranges = t.ranges() == null ? List.of() : t.ranges();
    if (ranges.isEmpty() && tag.layered()) {
      throw new InvalidInputException(
          "ranges", "Tag '" + tag.code() + "' is layered: name the range of each of its values.");
    }
    if (!ranges.isEmpty() && !tag.layered()) {
      throw new InvalidInputException(
          "ranges", "Tag '" + tag.code() + "' is a flag tag: ranges need a layered tag.");
    }
    if (ranges.size() > MAX_BRANCHES) {
      throw new InvalidInputException("ranges", "At most " + MAX_BRANCHES + " ranges.");
    }
    for (int i = 0; i < ranges.size(); i++) {
      TagTemplate.Range range = ranges.get(i);
      String field = "ranges[" + i + "]";
      if (range == null) {
        throw new InvalidInputException(field, "The range is empty.");
      }
      requireValue(tag, range.value(), field + ".value");
      if (range.from() != null && range.to() != null && range.from() >= range.to()) {
        throw new InvalidInputException(
            field + ".to", "The range must end above where it starts (" + range.from() + ").");
      }
    }
    CheckedRule rule = checkRule(t.measure(), "", schema, "measure", " exists");
    if (!(rule.rule() instanceof io.tagbase.engine.rule.Rule.Compare compare)
        || !(isNumber(compare.operand(), schema))) {
      throw new InvalidInputException(
          "measure",
          "The measure must be a number field or a behaviour aggregate such as"
              + " sum(order, amount, last 365 days).");
    }
    return new StatisticProgram(
        tag.code(), compare.operand(), rule.events(), rule.timeRelative(), ranges);
  }

  private static boolean isNumber(io.tagbase.engine.rule.Operand operand, RuleSchema schema) {
    if (operand instanceof io.tagbase.engine.rule.Operand.Aggregate a) {
      return !a.fn().isDate();
    }
    return operand instanceof io.tagbase.engine.rule.Operand.Attr attr
        && schema.attribute(attr.name()).map(f -> f.type() == FieldType.NUMBER).orElse(false);
  }

  private static void requireKind(TagDefinition tag) {
    if (tag.kind() != TagKind.RULE && tag.kind() != TagKind.STATISTICAL) {
      throw new ConflictException(
          "kind",
          "Tag '"
              + tag.code()
              + "' is of kind "
              + tag.kind()
              + "; templates compute RULE and STATISTICAL tags.");
    }
  }

  private static void requireTemplateTag(TagDefinition tag) {
    requireKind(tag);
    if (!tag.layered()) {
      throw new ConflictException(
          "valueType",
          "Tag '"
              + tag.code()
              + "' is a flag tag; a template gives each customer a value, so the"
              + " tag must be layered.");
    }
  }

  private LayeredProgram layered(TagDefinition tag, TagTemplate.Layered t, RuleSchema schema) {
    if (t.branches() == null || t.branches().isEmpty()) {
      throw new InvalidInputException("branches", "List at least one value and its rule.");
    }
    if (t.branches().size() > MAX_BRANCHES) {
      throw new InvalidInputException(
          "branches", "At most " + MAX_BRANCHES + " branches; there are " + t.branches().size());
    }
    List<LayeredProgram.CompiledBranch> branches = new ArrayList<>();
    for (int i = 0; i < t.branches().size(); i++) {
      TagTemplate.Branch b = t.branches().get(i);
      String field = "branches[" + i + "]";
      if (b == null) {
        throw new InvalidInputException(field, "The branch is empty.");
      }
      requireValue(tag, b.value(), field + ".value");
      CheckedRule rule = checkRule(b.rule(), "", schema, field + ".rule");
      if (rule.tags().contains(tag.code())) {
        throw new InvalidInputException(
            field + ".rule", "A rule of tag '" + tag.code() + "' cannot read the tag itself.");
      }
      branches.add(new LayeredProgram.CompiledBranch(b.value(), rule));
    }
    if (t.elseValue() != null && !t.elseValue().isBlank()) {
      requireValue(tag, t.elseValue(), "elseValue");
    }
    return new LayeredProgram(tag.code(), branches, blankToNull(t.elseValue()));
  }

  private RfmProgram rfm(TagDefinition tag, TagTemplate.Rfm t, RuleSchema schema) {
    String event = requireEvent(t.event(), schema);
    int bands = t.bands() == null ? 5 : t.bands();
    if (bands < 2 || bands > Scoring.MAX_BANDS) {
      throw new InvalidInputException(
          "bands", "Scores need between 2 and " + Scoring.MAX_BANDS + " bands, not " + bands);
    }
    String where = where(event, t.filter(), schema);
    String window = window(t.windowDays());
    String frequency = t.frequency() == null ? "orders" : t.frequency();
    String frequencyText;
    if (frequency.equals("orders")) {
      String property = t.orderProperty() == null ? "order_id" : t.orderProperty();
      if (schema.event(event).flatMap(e -> e.property(property)).isEmpty()) {
        throw new InvalidInputException(
            "orderProperty", "Events '" + event + "' have no property '" + property + "'.");
      }
      frequencyText =
          "distinct count(" + quote(event) + where + ", " + quote(property) + window + ")";
    } else if (frequency.equals("lines")) {
      frequencyText = "count(" + quote(event) + where + window + ")";
    } else {
      throw new InvalidInputException(
          "frequency", "frequency must be 'orders' (distinct order ids) or 'lines' (events).");
    }
    String monetary = t.monetary() == null || t.monetary().isBlank() ? "amount" : t.monetary();
    String prefix = "sum(" + quote(event) + ", ";
    checkRule(monetary, prefix, schema, "monetary", ") exists");
    String measures =
        "days since last("
            + quote(event)
            + where
            + window
            + ") exists and "
            + frequencyText
            + " exists and sum("
            + quote(event)
            + where
            + ", "
            + monetary
            + window
            + ") exists";
    CheckedRule checked = checkRule(measures, "", schema, "monetary");
    List<Scoring> scorings =
        List.of(
            scoring(t.recency(), bands, false, "recency"),
            scoring(t.frequencyScore(), bands, true, "frequencyScore"),
            scoring(t.monetaryScore(), bands, true, "monetaryScore"));
    List<TagTemplate.Branch> segmentList = t.segments() == null ? List.of() : t.segments();
    if (segmentList.size() > MAX_BRANCHES) {
      throw new InvalidInputException("segments", "At most " + MAX_BRANCHES + " segments.");
    }
    List<RfmProgram.Segment> segments = new ArrayList<>();
    for (int i = 0; i < segmentList.size(); i++) {
      TagTemplate.Branch b = segmentList.get(i);
      String field = "segments[" + i + "]";
      if (b == null) {
        throw new InvalidInputException(field, "The segment is empty.");
      }
      requireValue(tag, b.value(), field + ".value");
      CheckedRule rule = checkRule(b.rule(), "", SCORES, field + ".rule");
      segments.add(new RfmProgram.Segment(b.value(), ScorePredicate.compile(rule)));
    }
    String elseValue = blankToNull(t.elseValue());
    if (elseValue != null) {
      requireValue(tag, elseValue, "elseValue");
    }
    if (segments.isEmpty() && elseValue == null) {
      throw new InvalidInputException(
          "segments", "Name at least one segment, or an else value every scored customer gets.");
    }
    List<String> scoreTags = new ArrayList<>();
    Set<String> seen = new HashSet<>(Set.of(tag.code()));
    String[] fields = {"recencyTag", "frequencyTag", "monetaryTag"};
    String[] given = {t.recencyTag(), t.frequencyTag(), t.monetaryTag()};
    for (int i = 0; i < 3; i++) {
      String code = blankToNull(given[i]);
      if (code != null) {
        requireScoreTag(code, bands, fields[i]);
        if (!seen.add(code)) {
          throw new InvalidInputException(fields[i], "Tag '" + code + "' is used twice.");
        }
      }
      scoreTags.add(code);
    }
    return new RfmProgram(
        tag.code(),
        event,
        Measures.aggregates(checked),
        bands,
        scorings,
        segments,
        elseValue,
        scoreTags);
  }

  private LifecycleProgram lifecycle(
      TagDefinition tag, TagTemplate.Lifecycle t, RuleSchema schema) {
    String event = requireEvent(t.event(), schema);
    for (String stage : TagTemplate.Lifecycle.STAGES) {
      if (tag.values().stream().noneMatch(v -> v.code().equals(stage))) {
        throw new ConflictException(
            "values",
            "Tag '"
                + tag.code()
                + "' needs the values "
                + TagTemplate.Lifecycle.STAGES
                + " for lifecycle stages; '"
                + stage
                + "' is missing.");
      }
    }
    Lifecycle lifecycle;
    try {
      lifecycle =
          new Lifecycle(
              t.newDays() == null ? 30 : t.newDays(),
              t.activeDays() == null ? 90 : t.activeDays(),
              t.churnDays() == null ? 180 : t.churnDays());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("churnDays", e.getMessage() + ".");
    }
    CheckedRule orders =
        checkRule("did " + quote(event) + where(event, t.filter(), schema), "", schema, "filter");
    return new LifecycleProgram(tag.code(), Measures.dids(orders).get(0), lifecycle);
  }

  private static String requireEvent(String event, RuleSchema schema) {
    if (event == null || event.isBlank()) {
      throw new InvalidInputException("event", "Name the event type that counts as an order.");
    }
    return schema
        .event(event)
        .map(RuleSchema.Event::code)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "event",
                    "No events of type '"
                        + event
                        + "' have been recorded; known types: "
                        + schema.events().stream().map(RuleSchema.Event::code).toList()));
  }

  /** " where (filter)" checked on its own, or "" without a filter. */
  private static String where(String event, String filter, RuleSchema schema) {
    if (filter == null || filter.isBlank()) {
      return "";
    }
    String prefix = "did " + quote(event) + " where (";
    checkRule(filter, prefix, schema, "filter", ")");
    return " where (" + filter + ")";
  }

  private static String window(Integer days) {
    if (days == null) {
      return "";
    }
    if (days < 1 || days > 36_500) {
      throw new InvalidInputException("windowDays", "The window must be 1 to 36500 days.");
    }
    return ", last " + days + " days";
  }

  private static Scoring scoring(
      TagTemplate.Measure measure, int bands, boolean higher, String field) {
    try {
      if (measure == null) {
        return Scoring.quantiles(bands, higher);
      }
      return new Scoring(
          measure.method() == null ? Scoring.Method.QUANTILE : measure.method(),
          bands,
          measure.higherIsBetter() == null ? higher : measure.higherIsBetter(),
          measure.cutPoints(),
          measure.topPercents());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, capitalized(e.getMessage()) + ".");
    }
  }

  private void requireScoreTag(String code, int bands, String field) {
    TagDefinition scoreTag =
        taxonomy
            .find(code)
            .orElseThrow(() -> new InvalidInputException(field, "No tag '" + code + "'."));
    List<String> values = scoreTag.values().stream().map(TagValue::code).toList();
    for (int s = 1; s <= bands; s++) {
      if (!values.contains(RfmProgram.scoreValue(s))) {
        throw new InvalidInputException(
            field,
            "Score tag '"
                + code
                + "' must be layered with the values s1..s"
                + bands
                + "; '"
                + RfmProgram.scoreValue(s)
                + "' is missing.");
      }
    }
  }

  private static void requireValue(TagDefinition tag, String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "Choose one of the tag's values.");
    }
    if (tag.values().stream().noneMatch(v -> v.code().equals(value))) {
      throw new InvalidInputException(
          field,
          "'"
              + value
              + "' is not a value of tag '"
              + tag.code()
              + "'; its values are "
              + tag.values().stream().map(TagValue::code).toList());
    }
  }

  private static CheckedRule checkRule(
      String text, String prefix, RuleSchema schema, String field) {
    return checkRule(text, prefix, schema, field, "");
  }

  /**
   * Checks {@code prefix + text + suffix}; errors name {@code field} with columns counted within
   * {@code text}.
   */
  private static CheckedRule checkRule(
      String text, String prefix, RuleSchema schema, String field, String suffix) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "The rule is empty.");
    }
    try {
      return RuleChecker.check(prefix + text + suffix, schema);
    } catch (RuleSyntaxException e) {
      throw new InvalidInputException(field, describe(e.error(), prefix.length()));
    } catch (RuleTypeException e) {
      throw new InvalidInputException(
          field,
          String.join("; ", e.errors().stream().map(r -> describe(r, prefix.length())).toList()));
    }
  }

  private static String describe(RuleError error, int shift) {
    int column = error.line() == 1 ? Math.max(1, error.column() - shift) : error.column();
    return new RuleError(error.line(), column, error.message(), error.suggestion()).toString();
  }

  private static String quote(String name) {
    return "`" + name + "`";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
