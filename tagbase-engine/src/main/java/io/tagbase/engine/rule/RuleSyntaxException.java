package io.tagbase.engine.rule;

/**
 * The text (or JSON) is not a rule: a token out of place, an unclosed string, nesting too deep, a
 * number too large. Names where, at a 1-based line and column.
 */
public final class RuleSyntaxException extends RuntimeException {
  private final transient RuleError error;

  public RuleSyntaxException(int line, int column, String message) {
    super(new RuleError(line, column, message, null).toString());
    this.error = new RuleError(line, column, message, null);
  }

  public RuleError error() {
    return error;
  }

  public int line() {
    return error.line();
  }

  public int column() {
    return error.column();
  }
}
