package io.tagbase.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * A diff of two texts by the longest common subsequence: of whitespace-separated words for rules,
 * of lines for template settings and definitions (indented JSON, one field per line). For showing
 * what a change request changes. O(tokens before × tokens after) time and space; rules are at most
 * 10,000 characters, settings a few hundred lines.
 */
final class TextDiff {
  /** A run of words: SAME, REMOVED or ADDED. */
  record Part(String op, String text) {}

  private TextDiff() {}

  /** Word runs, joined by a space. */
  static List<Part> of(String before, String after) {
    return diff(words(before), words(after), " ");
  }

  /** Line runs, joined by a line break. */
  static List<Part> lines(String before, String after) {
    return diff(lines(before), lines(after), "\n");
  }

  private static List<Part> diff(String[] a, String[] b, String joiner) {
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Part> parts = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        add(parts, "SAME", a[i], joiner);
        i++;
        j++;
      } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        add(parts, "REMOVED", a[i++], joiner);
      } else {
        add(parts, "ADDED", b[j++], joiner);
      }
    }
    return parts;
  }

  private static void add(List<Part> parts, String op, String word, String joiner) {
    if (!parts.isEmpty() && parts.get(parts.size() - 1).op().equals(op)) {
      Part last = parts.remove(parts.size() - 1);
      parts.add(new Part(op, last.text() + joiner + word));
    } else {
      parts.add(new Part(op, word));
    }
  }

  private static String[] lines(String text) {
    return text == null || text.isBlank() ? new String[0] : text.strip().split("\\R");
  }

  private static String[] words(String text) {
    return text == null || text.isBlank() ? new String[0] : text.strip().split("\\s+");
  }
}
