package io.tagbase.governance;

import io.tagbase.engine.rule.Rule;
import io.tagbase.engine.rule.RuleText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical text of a checked rule for comparing definitions: nested ANDs and ORs flattened,
 * their terms sorted by their own canonical text, printed by {@link RuleText#print}. Two rules with
 * the same canonical text select the same customers; the converse does not hold (no algebra beyond
 * commutativity and associativity).
 */
final class RuleNormalizer {
  private RuleNormalizer() {}

  static String canonical(Rule rule) {
    return RuleText.print(normalize(rule));
  }

  static Rule normalize(Rule rule) {
    if (rule instanceof Rule.And and) {
      return new Rule.And(terms(and.terms(), Rule.And.class));
    }
    if (rule instanceof Rule.Or or) {
      return new Rule.Or(terms(or.terms(), Rule.Or.class));
    }
    if (rule instanceof Rule.Not not) {
      return new Rule.Not(normalize(not.term()));
    }
    return rule;
  }

  private static List<Rule> terms(List<Rule> terms, Class<? extends Rule> flatten) {
    List<Rule> out = new ArrayList<>();
    for (Rule term : terms) {
      Rule normal = normalize(term);
      if (flatten.isInstance(normal)) {
        out.addAll(normal instanceof Rule.And a ? a.terms() : ((Rule.Or) normal).terms());
      } else {
        out.add(normal);
      }
    }
    out.sort(Comparator.comparing(RuleText::print));
    return out;
  }
}
