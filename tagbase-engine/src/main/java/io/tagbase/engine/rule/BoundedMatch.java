package io.tagbase.engine.rule;

import java.util.regex.Pattern;

/**
 * A regex match with a budget of character reads: a pattern that backtracks catastrophically on
 * some text gives up as "no match" instead of holding a thread. The rule language's {@code matches}
 * (through {@link SafeRegex}) and the governance center's naming standards use it.
 */
public final class BoundedMatch {
  private BoundedMatch() {}

  /**
   * Whether {@code pattern} matches the whole of {@code text} ({@code whole}) or some part of it,
   * reading at most {@code maxSteps} characters; false when the budget runs out.
   */
  public static boolean matches(Pattern pattern, String text, boolean whole, int maxSteps) {
    var matcher = pattern.matcher(new Metered(text, maxSteps));
    try {
      return whole ? matcher.matches() : matcher.find();
    } catch (Metered.Exhausted e) {
      return false;
    }
  }

  /** A string that stops the matcher after a number of character reads. */
  private static final class Metered implements CharSequence {
    private final String text;
    private final int maxSteps;
    private int steps;

    Metered(String text, int maxSteps) {
      this.text = text;
      this.maxSteps = maxSteps;
    }

    @Override
    public char charAt(int index) {
      if (++steps > maxSteps) {
        throw new Exhausted();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }

    static final class Exhausted extends RuntimeException {
      Exhausted() {
        super(null, null, false, false);
      }
    }
  }
}
