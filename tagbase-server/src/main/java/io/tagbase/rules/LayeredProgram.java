package io.tagbase.rules;

import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.rule.BitmapPlan;
import io.tagbase.engine.rule.CheckedRule;
import io.tagbase.engine.rule.CustomerPredicate;
import io.tagbase.engine.rule.CustomerRecord;
import io.tagbase.engine.rule.RuleData;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layered tag from a first-match list: each branch's rule is evaluated as a bitmap, and a
 * customer takes the value of the first branch that holds (members of earlier branches are removed
 * from later ones), else the else value. Cost: one bitmap plan per branch.
 */
final class LayeredProgram implements TemplateProgram {
  record CompiledBranch(String value, CheckedRule rule) {}

  /** The branches' rules for one customer at a time (real time, explain), compiled once. */
  private final List<CustomerPredicate> predicates;

  private final String tag;
  private final List<CompiledBranch> branches;
  private final String elseValue;

  LayeredProgram(String tag, List<CompiledBranch> branches, String elseValue) {
    this.tag = tag;
    this.branches = List.copyOf(branches);
    this.predicates = this.branches.stream().map(b -> CustomerPredicate.compile(b.rule())).toList();
    this.elseValue = elseValue;
  }

  @Override
  public Set<String> tags() {
    Set<String> tags = new HashSet<>();
    branches.forEach(b -> tags.addAll(b.rule().tags()));
    return tags;
  }

  @Override
  public Set<String> events() {
    Set<String> events = new HashSet<>();
    branches.forEach(b -> events.addAll(b.rule().events()));
    return events;
  }

  @Override
  public boolean timeRelative() {
    return branches.stream().anyMatch(b -> b.rule().timeRelative());
  }

  @Override
  public List<String> writes() {
    return List.of(tag);
  }

  @Override
  public Result evaluate(RuleData data, LocalDate asOf) {
    int capacity = data.customers().capacity();
    TagBitmap taken = TagBitmap.empty();
    Map<String, TagBitmap> byValue = new LinkedHashMap<>();
    for (CompiledBranch branch : branches) {
      TagBitmap holds = BitmapPlan.compile(branch.rule()).evaluate(data, asOf);
      holds.andNotInPlace(taken);
      taken.orInPlace(holds);
      byValue.merge(branch.value(), holds, (a, b) -> a.or(b));
    }
    if (elseValue != null) {
      TagBitmap rest = data.customers().live().andNot(taken);
      byValue.merge(elseValue, rest, (a, b) -> a.or(b));
    }
    byValue.replaceAll((v, bits) -> TagBitmap.optimized(bits, capacity));
    long members = byValue.values().stream().mapToLong(TagBitmap::cardinality).sum();
    return new Result(
        Map.of(tag, byValue), "layered as of " + asOf + ": " + members + " customers with a value");
  }

  /** Each branch's explanation up to the first that holds, then the value given. */
  List<String> explain(CustomerRecord customer, LocalDate asOf) {
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      CompiledBranch branch = branches.get(i);
      var explanation = predicates.get(i).explain(customer, asOf);
      lines.add((i + 1) + ". → " + branch.value());
      for (String line : explanation.toString().split("\n")) {
        lines.add("   " + line);
      }
      if (explanation.held()) {
        lines.add("= " + branch.value());
        return lines;
      }
    }
    lines.add("= " + (elseValue == null ? "—" : elseValue + " (else)"));
    return lines;
  }

  /** The value for one customer (first branch that holds, else the else value; null: none). */
  String valueOf(CustomerRecord customer, LocalDate asOf) {
    for (int i = 0; i < branches.size(); i++) {
      if (predicates.get(i).test(customer, asOf)) {
        return branches.get(i).value();
      }
    }
    return elseValue;
  }
}
