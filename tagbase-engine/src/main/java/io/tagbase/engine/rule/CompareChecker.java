package io.tagbase.engine.rule;

import io.tagbase.engine.rule.RuleSchema.Event;
import io.tagbase.engine.rule.RuleSchema.Field;
import io.tagbase.engine.rule.RuleSchema.Tag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Checks one comparison: resolves its operand, and that operator and values fit its type. */
final class CompareChecker {
  private static final Set<Op> ORDERED =
      EnumSet.of(
          Op.EQ,
          Op.NE,
          Op.LT,
          Op.LE,
          Op.GT,
          Op.GE,
          Op.BETWEEN,
          Op.IN,
          Op.NOT_IN,
          Op.EXISTS,
          Op.MISSING);
  private static final Set<Op> TEXT =
      EnumSet.of(
          Op.EQ,
          Op.NE,
          Op.IN,
          Op.NOT_IN,
          Op.EXISTS,
          Op.MISSING,
          Op.CONTAINS,
          Op.STARTS_WITH,
          Op.ENDS_WITH,
          Op.MATCHES);
  private static final Set<Op> BOOLEAN = EnumSet.of(Op.EQ, Op.NE, Op.EXISTS, Op.MISSING);
  private static final Set<Op> LIST =
      EnumSet.of(Op.HAS_SOME, Op.HAS_ALL, Op.HAS_NONE, Op.CONTAINS, Op.EXISTS, Op.MISSING);
  private static final Set<Op> TAG_VALUE =
      EnumSet.of(Op.EQ, Op.NE, Op.IN, Op.NOT_IN, Op.EXISTS, Op.MISSING);
  private static final Set<Op> TAG_SET =
      EnumSet.of(Op.HAS_SOME, Op.HAS_ALL, Op.HAS_NONE, Op.CONTAINS);

  /** A resolved operand: its type, the values it may take (enums, layered tags), how to name it. */
  record Typed(Operand operand, FieldType type, List<String> values, String label) {}

  private final RuleChecker checker;

  CompareChecker(RuleChecker checker) {
    this.checker = checker;
  }

  Rule compare(Rule.Compare compare, Event event) {
    Typed typed = operand(compare.operand(), event);
    if (typed == null) {
      compare.values().forEach(this::noteRelative);
      return compare;
    }
    Set<Op> allowed = allowed(typed);
    if (!allowed.contains(compare.op())) {
      String message = "operator '" + compare.op().text() + "' does not apply to " + typed.label();
      checker.error(compare.operand(), message, null);
      return compare;
    }
    List<Value> values = new ArrayList<>();
    for (Value value : compare.values()) {
      values.add(value(value, typed, compare.op()));
    }
    return new Rule.Compare(typed.operand(), compare.op(), values);
  }

  private static Set<Op> allowed(Typed typed) {
    if (typed.operand() instanceof Operand.TagValue) {
      return TAG_VALUE;
    }
    if (typed.operand() instanceof Operand.TagSet) {
      return TAG_SET;
    }
    switch (typed.type()) {
      case BOOLEAN:
        return BOOLEAN;
      case STRING:
      case ENUM:
        return TEXT;
      case LIST:
        return LIST;
      default:
        return ORDERED;
    }
  }

  private Typed operand(Operand operand, Event event) {
    if (operand instanceof Operand.Attr attr) {
      return event != null ? property(attr, event) : attribute(attr);
    }
    if (event != null) {
      checker.error(operand, "only event properties may be compared inside a where filter", null);
      return null;
    }
    if (operand instanceof Operand.TagValue tv) {
      Optional<Tag> tag = checker.tag(tv, tv.tag());
      if (tag.isPresent() && !tag.get().layered()) {
        checker.error(tv, "'" + tv.tag() + "' is a flag tag: it has no value; use 'has tag'", null);
        return null;
      }
      return tag.map(this::tagValue).orElse(null);
    }
    if (operand instanceof Operand.TagSet) {
      List<String> codes = checker.schema.tags().stream().map(Tag::code).toList();
      return new Typed(operand, FieldType.LIST, codes, "tags");
    }
    return new AggregateChecker(checker).aggregate((Operand.Aggregate) operand);
  }

  private Typed tagValue(Tag tag) {
    return new Typed(
        new Operand.TagValue(tag.code()), FieldType.ENUM, tag.values(), "tag '" + tag.code() + "'");
  }

  private Typed property(Operand.Attr attr, Event event) {
    return checker
        .property(attr, event, attr.name())
        .map(p -> new Typed(new Operand.Attr(p.code()), p.type(), p.values(), label(p, "property")))
        .orElse(null);
  }

  private Typed attribute(Operand.Attr attr) {
    Optional<Field> field = checker.schema.attribute(attr.name());
    if (field.isPresent()) {
      checker.attributes.add(field.get().code());
      Field f = field.get();
      return new Typed(new Operand.Attr(f.code()), f.type(), f.values(), label(f, "field"));
    }
    Optional<Tag> tag = checker.schema.tag(attr.name());
    if (tag.isPresent()) {
      if (!tag.get().layered()) {
        String message = "'" + attr.name() + "' is a flag tag: it has no value";
        checker.error(attr, message, "write 'has tag " + tag.get().code() + "'");
        return null;
      }
      checker.tags.add(tag.get().code());
      return tagValue(tag.get());
    }
    for (String[] suffix : AstBuilder.ZH_FUSED) { // 下单次数 without a window
      String name = attr.name();
      if (name.endsWith(suffix[0])
          && checker
              .schema
              .event(name.substring(0, name.length() - suffix[0].length()))
              .isPresent()) {
        String event = name.substring(0, name.length() - suffix[0].length());
        return operand(
            new Operand.Aggregate(AggFn.valueOf(suffix[1]), event, null, null, null), null);
      }
    }
    List<List<String>> names = new ArrayList<>();
    checker.schema.attributes().forEach(a -> names.add(RuleChecker.names(a.code(), a.aliases())));
    checker.schema.tags().stream()
        .filter(Tag::layered)
        .forEach(t -> names.add(RuleChecker.names(t.code(), t.aliases())));
    checker.error(
        attr, "unknown field '" + attr.name() + "'", NameSuggestions.suggest(attr.name(), names));
    return null;
  }

  private static String label(Field field, String what) {
    return field.type().name().toLowerCase(Locale.ROOT) + " " + what + " '" + field.code() + "'";
  }

  private Value value(Value value, Typed typed, Op op) {
    noteRelative(value);
    if (typed.operand() instanceof Operand.TagSet) {
      if (!(value instanceof Value.Str s)) {
        checker.error(value, "expected a tag for tags, got " + RulePrinter.value(value), null);
        return value;
      }
      return checker.tag(value, s.value()).map(t -> (Value) new Value.Str(t.code())).orElse(value);
    }
    FieldType type = typed.type();
    if (type.isText() || type == FieldType.LIST) {
      Value text = value instanceof Value.Num n ? new Value.Str(n.value().toPlainString()) : value;
      if (!(text instanceof Value.Str s)) {
        return wrong(value, "a string", typed);
      }
      boolean whole =
          op != Op.STARTS_WITH
              && op != Op.ENDS_WITH
              && op != Op.MATCHES
              && !(type != FieldType.LIST && op == Op.CONTAINS);
      if (whole && !typed.values().isEmpty() && !typed.values().contains(s.value())) {
        List<List<String>> names = typed.values().stream().map(List::of).toList();
        String message = "unknown value '" + s.value() + "' of " + typed.label();
        checker.error(value, message, NameSuggestions.suggest(s.value(), names));
      }
      if (op == Op.MATCHES && SafeRegex.problem(s.value()) != null) {
        checker.error(value, SafeRegex.problem(s.value()), null);
      }
      return text;
    }
    if (type == FieldType.BOOLEAN) {
      return value instanceof Value.Bool ? value : wrong(value, "true or false", typed);
    }
    if (type.isDate()) {
      return value instanceof Value.DateValue ? value : wrong(value, "a date", typed);
    }
    return value instanceof Value.Num ? value : wrong(value, "a number", typed);
  }

  private Value wrong(Value value, String expected, Typed typed) {
    String message =
        "expected " + expected + " for " + typed.label() + ", got " + RulePrinter.value(value);
    checker.error(value, message, null);
    return value;
  }

  private void noteRelative(Value value) {
    if (value instanceof Value.RelDate) {
      checker.timeRelative = true;
    }
  }
}
