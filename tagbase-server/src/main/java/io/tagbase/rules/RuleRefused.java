package io.tagbase.rules;

import io.tagbase.engine.rule.RuleError;
import java.util.List;
import java.util.stream.Collectors;

/** A rule that does not parse or does not fit the schema: every error, with line and column. */
public class RuleRefused extends RuntimeException {
  private final transient List<RuleError> errors;

  public RuleRefused(List<RuleError> errors) {
    super(errors.stream().map(RuleError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }
}
