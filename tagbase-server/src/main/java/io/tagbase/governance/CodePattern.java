package io.tagbase.governance;

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
    try {
      return pattern.matcher(new Metered(code)).matches();
    } catch (TooManySteps e) {
      return false;
    }
  }

  private static final class TooManySteps extends RuntimeException {
    TooManySteps() {
      super(null, null, false, false);
    }
  }

  private static final class Metered implements CharSequence {
    private final String text;
    private int steps;

    Metered(String text) {
      this.text = text;
    }

    @Override
    public char charAt(int index) {
      if (++steps > MAX_STEPS) {
        throw new TooManySteps();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
