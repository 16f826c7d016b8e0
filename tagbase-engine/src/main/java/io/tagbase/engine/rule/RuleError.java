package io.tagbase.engine.rule;

/**
 * One problem in a rule, at a 1-based line and column (0:0 when the rule came from JSON and has no
 * text position), with an optional suggestion ("did you mean 'city' (城市)?").
 */
public record RuleError(int line, int column, String message, String suggestion) {

  public RuleError {
    suggestion = suggestion == null || suggestion.isEmpty() ? null : suggestion;
  }

  /** "unknown field 'ctiy' at 1:5 — did you mean 'city' (城市)?" */
  @Override
  public String toString() {
    String at = line > 0 ? " at " + line + ":" + column : "";
    return message + at + (suggestion == null ? "" : " — " + suggestion);
  }
}
