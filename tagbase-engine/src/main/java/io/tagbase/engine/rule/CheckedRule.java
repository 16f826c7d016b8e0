package io.tagbase.engine.rule;

import java.util.Set;

/**
 * A rule that fits its schema, with every name resolved to its code (Chinese aliases replaced,
 * layered tags named as attributes turned into {@link Operand.TagValue}), and what it reads: the
 * server re-evaluates a rule for a customer when one of these changes, and every day when the rule
 * is {@code timeRelative} (it reads events or dates relative to the evaluation day). Only {@link
 * RuleChecker} makes these, so the compilers may trust them. Immutable.
 */
public record CheckedRule(
    Rule rule,
    RuleSchema schema,
    Set<String> attributes,
    Set<String> tags,
    Set<String> events,
    boolean timeRelative) {

  public CheckedRule {
    attributes = Set.copyOf(attributes);
    tags = Set.copyOf(tags);
    events = Set.copyOf(events);
  }

  /** The canonical text of the resolved rule. */
  @Override
  public String toString() {
    return RuleText.print(rule);
  }
}
