package io.tagbase.engine.rule;

import java.util.List;
import java.util.Locale;

/**
 * "did you mean 'city' (城市)?": the candidate whose code or alias is nearest to what was typed, by
 * edit distance with transpositions (so 'ctiy' is one edit from 'city'), if near enough.
 */
final class NameSuggestions {
  private NameSuggestions() {}

  /**
   * A suggestion among {@code candidates} (each: code, then aliases) for {@code typed}, or null.
   */
  static String suggest(String typed, List<List<String>> candidates) {
    String wanted = typed.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, wanted.length() / 3));
    List<String> best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (List<String> names : candidates) {
      for (String name : names) {
        int d = distance(wanted, name.toLowerCase(Locale.ROOT));
        if (d < bestDistance) {
          bestDistance = d;
          best = names;
        }
      }
    }
    if (best == null || bestDistance > allowed) {
      return null;
    }
    String alias = best.size() > 1 ? " (" + best.get(1) + ")" : "";
    return "did you mean '" + best.get(0) + "'" + alias + "?";
  }

  /** Optimal string alignment distance; names are short, so O(|a|·|b|) is nothing. */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3 || a.length() > 100 || b.length() > 100) {
      return Integer.MAX_VALUE / 2;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
