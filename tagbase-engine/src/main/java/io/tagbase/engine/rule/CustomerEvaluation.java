package io.tagbase.engine.rule;

import java.util.Collection;
import java.util.List;

/** A checked rule evaluated for one customer's {@link CustomerRecord} as of one day. */
final class CustomerEvaluation {
  private final RuleSchema schema;
  private final CustomerRecord customer;
  private final int today;

  CustomerEvaluation(RuleSchema schema, CustomerRecord customer, int today) {
    this.schema = schema;
    this.customer = customer;
    this.today = today;
  }

  RuleSchema schema() {
    return schema;
  }

  int today() {
    return today;
  }

  boolean test(Rule rule) {
    if (rule instanceof Rule.And and) {
      return and.terms().stream().allMatch(this::test);
    }
    if (rule instanceof Rule.Or or) {
      return or.terms().stream().anyMatch(this::test);
    }
    if (rule instanceof Rule.Not not) {
      return !test(not.term());
    }
    if (rule instanceof Rule.HasTag has) {
      return customer.tags().contains(has.tag());
    }
    if (rule instanceof Rule.Did did) {
      return aggregate(CompiledAggregate.of(did, schema, today)) > 0;
    }
    Rule.Compare c = (Rule.Compare) rule;
    ValueTest test = ValueTest.of(c.op(), c.values(), today);
    Operand operand = c.operand();
    if (operand instanceof Operand.TagValue tv) {
      return tagValue(tv.tag(), c);
    }
    if (operand instanceof Operand.TagSet) {
      return test.list(customer.tags());
    }
    Object value = value(operand);
    if (operand instanceof Operand.Aggregate) {
      return test.number((Double) value);
    }
    FieldType type = schema.attribute(((Operand.Attr) operand).name()).orElseThrow().type();
    if (type.isText()) {
      return test.string((String) value);
    }
    if (type == FieldType.LIST) {
      return test.list(value == null ? null : (Collection<String>) (List<String>) value);
    }
    return test.number(RuleValues.comparable(type, value));
  }

  /** The operand's value for this customer: attribute value, tag value, aggregate (NaN missing). */
  Object value(Operand operand) {
    if (operand instanceof Operand.Attr attr) {
      return customer.attributes().get(attr.name());
    }
    if (operand instanceof Operand.TagValue tv) {
      return tagValue(tv.tag());
    }
    if (operand instanceof Operand.TagSet) {
      return customer.tags();
    }
    return aggregate(CompiledAggregate.of((Operand.Aggregate) operand, schema, today));
  }

  /** Mirrors {@link TagClauses#tagValue}: the same index keys, for one customer. */
  private boolean tagValue(String tag, Rule.Compare c) {
    boolean any = customer.tags().contains(tag);
    boolean value =
        c.values().stream()
            .anyMatch(v -> customer.tags().contains(tag + "=" + ((Value.Str) v).value()));
    switch (c.op()) {
      case EXISTS:
        return any;
      case MISSING:
        return !any;
      case EQ:
      case IN:
        return value;
      default:
        return any && !value;
    }
  }

  /** The value of a layered tag: the x of a key {@code tag=x} the customer holds, or null. */
  private String tagValue(String tag) {
    if (!customer.tags().contains(tag)) {
      return null;
    }
    for (String key : customer.tags()) {
      if (key.length() > tag.length() && key.startsWith(tag) && key.charAt(tag.length()) == '=') {
        return key.substring(tag.length() + 1);
      }
    }
    return null;
  }

  double aggregate(CompiledAggregate agg) {
    Accumulator acc = new Accumulator();
    for (CustomerEvent event : customer.events()) {
      EventView view = EventView.of(event);
      if (event.type().equals(agg.event) && agg.accepts(event.epochDay(), view)) {
        agg.add(acc, event.epochDay(), view);
      }
    }
    return acc.result(agg.fn, today);
  }
}
