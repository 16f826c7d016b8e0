package io.tagbase.governance;

import io.tagbase.engine.rule.Operand;
import io.tagbase.engine.rule.Rule;
import io.tagbase.engine.rule.RuleText;
import io.tagbase.engine.rule.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tag codes in a rule's AST: which it names, and the same rule with codes renamed. A tag appears as
 * {@code has tag}, as a layered tag's value ({@link Operand.TagValue}, or an {@link Operand.Attr}
 * before checking) and in {@code tags has some of (...)} lists. Event filters ({@code where}) name
 * event properties only, so they are left alone.
 */
final class RuleTags {
  private RuleTags() {}

  /** Every name in the rule that may be a tag code. */
  static Set<String> names(Rule rule) {
    Set<String> out = new TreeSet<>();
    collect(rule, out);
    return out;
  }

  /** The names in the rule text; empty when it does not parse. */
  static Set<String> names(String text) {
    try {
      return names(RuleText.parse(text));
    } catch (RuntimeException e) {
      return Set.of();
    }
  }

  /** The rule text with tag codes renamed, printed canonically; unchanged when nothing matches. */
  static String rename(String text, Map<String, String> renames) {
    Rule rule = RuleText.parse(text);
    Rule renamed = rename(rule, renames);
    return renamed.equals(rule) ? text : RuleText.print(renamed);
  }

  static Rule rename(Rule rule, Map<String, String> renames) {
    if (rule instanceof Rule.And and) {
      return new Rule.And(and.terms().stream().map(t -> rename(t, renames)).toList());
    }
    if (rule instanceof Rule.Or or) {
      return new Rule.Or(or.terms().stream().map(t -> rename(t, renames)).toList());
    }
    if (rule instanceof Rule.Not not) {
      return new Rule.Not(rename(not.term(), renames));
    }
    if (rule instanceof Rule.HasTag has) {
      return new Rule.HasTag(renames.getOrDefault(has.tag(), has.tag()));
    }
    if (rule instanceof Rule.Compare compare) {
      Operand operand = compare.operand();
      if (operand instanceof Operand.TagValue value) {
        return new Rule.Compare(
            new Operand.TagValue(renames.getOrDefault(value.tag(), value.tag())),
            compare.op(),
            compare.values());
      }
      if (operand instanceof Operand.Attr attr && renames.containsKey(attr.name())) {
        return new Rule.Compare(
            new Operand.Attr(renames.get(attr.name())), compare.op(), compare.values());
      }
      if (operand instanceof Operand.TagSet) {
        List<Value> values =
            compare.values().stream()
                .map(
                    v ->
                        v instanceof Value.Str s && renames.containsKey(s.value())
                            ? (Value) new Value.Str(renames.get(s.value()))
                            : v)
                .distinct()
                .toList();
        return new Rule.Compare(operand, compare.op(), values);
      }
    }
    return rule;
  }

  private static void collect(Rule rule, Set<String> out) {
    if (rule instanceof Rule.And and) {
      and.terms().forEach(t -> collect(t, out));
    } else if (rule instanceof Rule.Or or) {
      or.terms().forEach(t -> collect(t, out));
    } else if (rule instanceof Rule.Not not) {
      collect(not.term(), out);
    } else if (rule instanceof Rule.HasTag has) {
      out.add(has.tag());
    } else if (rule instanceof Rule.Compare compare) {
      Operand operand = compare.operand();
      if (operand instanceof Operand.TagValue value) {
        out.add(value.tag());
      } else if (operand instanceof Operand.Attr attr) {
        out.add(attr.name());
      } else if (operand instanceof Operand.TagSet) {
        compare.values().stream()
            .filter(v -> v instanceof Value.Str)
            .forEach(v -> out.add(((Value.Str) v).value()));
      }
    }
  }
}
