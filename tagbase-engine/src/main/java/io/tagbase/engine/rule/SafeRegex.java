package io.tagbase.engine.rule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regex behind {@code matches}, bounded so that no pattern or value can hang evaluation. The
 * checker refuses patterns longer than {@link #MAX_PATTERN}, backreferences, lookaround and inline
 * flags, and quantified groups that contain a quantifier or an alternation ({@code (a+)+}, {@code
 * (a|aa)*}: the shapes that backtrack exponentially). At match time a value longer than {@link
 * #MAX_INPUT} never matches, and a match that reads more than {@link #MAX_STEPS} characters gives
 * up as no match, which bounds even polynomial backtracking. Matching is a search: anchor with ^
 * and $ for a whole-value match. Thread-safe.
 */
final class SafeRegex {
  static final int MAX_PATTERN = 100;
  static final int MAX_INPUT = 1_000;
  static final int MAX_STEPS = 200_000;

  private final Pattern pattern;

  private SafeRegex(Pattern pattern) {
    this.pattern = pattern;
  }

  /** Compiles a pattern {@link #problem} found nothing wrong with. */
  static SafeRegex compile(String regex) {
    String problem = problem(regex);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return new SafeRegex(Pattern.compile(regex));
  }

  /** Whether {@code value} contains a match; false for null, over-long values or too much work. */
  boolean matches(String value) {
    if (value == null || value.length() > MAX_INPUT) {
      return false;
    }
    return BoundedMatch.matches(pattern, value, false, MAX_STEPS);
  }

  /** Why {@code regex} is refused, or null if it is safe. */
  static String problem(String regex) {
    if (regex.length() > MAX_PATTERN) {
      return "regex longer than " + MAX_PATTERN + " characters";
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return "invalid regex: " + e.getDescription();
    }
    Deque<boolean[]> groups = new ArrayDeque<>(); // per open group: {has quantifier or |}
    boolean lastWasRiskyGroup = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      boolean quantifier = c == '*' || c == '+' || c == '?' || c == '{';
      if (quantifier && lastWasRiskyGroup) {
        return "nested quantifier: a repeated group may not itself repeat or alternate";
      }
      lastWasRiskyGroup = false;
      if (c == '\\') {
        char next = i + 1 < regex.length() ? regex.charAt(i + 1) : ' ';
        if (Character.isDigit(next) || next == 'k') {
          return "backreferences are not supported";
        }
        i++;
      } else if (c == '[') {
        i = classEnd(regex, i);
      } else if (c == '(') {
        if (regex.startsWith("(?", i) && !regex.startsWith("(?:", i)) {
          return "lookaround and inline flags are not supported";
        }
        groups.push(new boolean[1]);
      } else if (c == ')') {
        boolean risky = !groups.isEmpty() && groups.pop()[0];
        lastWasRiskyGroup = risky;
        if (risky && !groups.isEmpty()) {
          groups.peek()[0] = true;
        }
      } else if ((quantifier || c == '|') && !groups.isEmpty()) {
        groups.peek()[0] = true;
      }
    }
    return null;
  }

  /** Index of the ']' closing the class opened at {@code open}. */
  private static int classEnd(String regex, int open) {
    int i = open + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++; // a leading ] is a literal
    }
    for (; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = classEnd(regex, i);
      } else if (c == ']') {
        return i;
      }
    }
    return regex.length();
  }
}
