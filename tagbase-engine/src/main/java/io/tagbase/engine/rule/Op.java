package io.tagbase.engine.rule;

/** A comparison operator, with the text the canonical printer writes for it. */
public enum Op {
  EQ("=", 1),
  NE("!=", 1),
  LT("<", 1),
  LE("<=", 1),
  GT(">", 1),
  GE(">=", 1),
  BETWEEN("between", 2),
  IN("in", -1),
  NOT_IN("not in", -1),
  EXISTS("exists", 0),
  MISSING("missing", 0),
  CONTAINS("contains", 1),
  STARTS_WITH("starts with", 1),
  ENDS_WITH("ends with", 1),
  MATCHES("matches", 1),
  HAS_SOME("has some of", -1),
  HAS_ALL("has all of", -1),
  HAS_NONE("has none of", -1);

  private final String text;
  private final int arity; // -1: a list of one or more

  Op(String text, int arity) {
    this.text = text;
    this.arity = arity;
  }

  public String text() {
    return text;
  }

  /** Whether the operator takes a parenthesized list of values. */
  public boolean takesList() {
    return arity < 0;
  }

  /** Whether the operator accepts {@code count} values. */
  public boolean takes(int count) {
    return arity < 0 ? count >= 1 : count == arity;
  }

  /** Orders: compare magnitudes (numbers and dates). */
  public boolean isOrdering() {
    return this == LT || this == LE || this == GT || this == GE || this == BETWEEN;
  }
}
