package io.tagbase.engine.rule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rule parses but does not fit the schema: unknown names, an operator that does not apply to a
 * type, a value of the wrong type, an unsafe regex. Lists every error found, in text order.
 */
public final class RuleTypeException extends RuntimeException {
  private final transient List<RuleError> errors;

  public RuleTypeException(List<RuleError> errors) {
    super(errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }
}
