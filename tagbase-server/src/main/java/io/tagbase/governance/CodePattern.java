package io.tagbase.governance;

import io.tagbase.engine.rule.BoundedMatch;
import io.tagbase.web.InvalidInputException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A naming standard's code pattern, matched with a step budget: a pattern that backtracks
 * catastrophically counts as not matching instead of holding a thread (codes are at most 64
 * characters, so honest patterns use a few hundred steps).
 */
final class CodePattern {
  private static final int MAX_STEPS = 100_000;
  private final Pattern pattern;

  private CodePattern(Pattern pattern) {
    this.pattern = pattern;
  }

  /** Compiles the pattern; 400 naming {@code field} when it is not a regular expression. */
  static CodePattern compile(String regex, String field) {
    try {
      return new CodePattern(Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      throw new InvalidInputException(
          field, "codePattern is not a regular expression: " + e.getDescription() + ".");
    }
  }

  boolean matches(String code) {
    return BoundedMatch.matches(pattern, code, true, MAX_STEPS);
  }
}
