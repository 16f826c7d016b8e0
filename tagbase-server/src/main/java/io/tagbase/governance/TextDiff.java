package io.tagbase.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * A word diff of two rule texts (longest common subsequence of whitespace-separated words), for
 * showing what a change request changes. O(words before × words after) time and space; rules are at
 * most 10,000 characters.
 */
final class TextDiff {
  /** A run of words: SAME, REMOVED or ADDED. */
  record Part(String op, String text) {}

  private TextDiff() {}

  static List<Part> of(String before, String after) {
    String[] a = words(before);
    String[] b = words(after);
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
        add(parts, "SAME", a[i]);
        i++;
        j++;
      } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        add(parts, "REMOVED", a[i++]);
      } else {
        add(parts, "ADDED", b[j++]);
      }
    }
    return parts;
  }

  private static void add(List<Part> parts, String op, String word) {
    if (!parts.isEmpty() && parts.get(parts.size() - 1).op().equals(op)) {
      Part last = parts.remove(parts.size() - 1);
      parts.add(new Part(op, last.text() + " " + word));
    } else {
      parts.add(new Part(op, word));
    }
  }

  private static String[] words(String text) {
    return text == null || text.isBlank() ? new String[0] : text.strip().split("\\s+");
  }
}
