package io.tagbase.engine.rule;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A rule with where its nodes were in the text, so that the checker can say "at 1:5". Positions are
 * kept by node identity ({@link Operand.Attr} "city" twice in a rule is two nodes); a rule read
 * from JSON has none.
 */
public final class ParsedRule {
  private final Rule rule;
  private final Map<Object, int[]> positions;

  ParsedRule(Rule rule, IdentityHashMap<Object, int[]> positions) {
    this.rule = rule;
    this.positions = positions;
  }

  /** A rule without text positions (from JSON or built in code). */
  public static ParsedRule of(Rule rule) {
    return new ParsedRule(rule, new IdentityHashMap<>());
  }

  public Rule rule() {
    return rule;
  }

  /** {line, column} of {@code node} (1-based), or {0, 0} when unknown. */
  int[] position(Object node) {
    int[] at = positions.get(node);
    return at == null ? new int[] {0, 0} : at;
  }
}
