package io.tagbase.engine.rule;

import java.util.List;

/**
 * Why a rule holds or not for one customer: each clause (canonical text), the value it read ("3",
 * "上海", "missing"; empty for AND / OR / NOT) and whether it held, with the clauses under it.
 */
public record Explanation(String clause, String value, boolean held, List<Explanation> children) {
  public Explanation {
    children = List.copyOf(children);
  }

  /** An indented outline: "✓ count(order, last 30 days) >= 3 [value: 4]". */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    outline(out, 0);
    return out.toString();
  }

  private void outline(StringBuilder out, int depth) {
    out.append("  ".repeat(depth)).append(held ? "✓ " : "✗ ").append(clause);
    if (!value.isEmpty()) {
      out.append("  [value: ").append(value).append(']');
    }
    out.append('\n');
    children.forEach(c -> c.outline(out, depth + 1));
  }
}
