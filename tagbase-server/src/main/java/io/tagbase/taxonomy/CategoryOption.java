package io.tagbase.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A category as a choice in a select: its code, and its name indented by its depth. */
record CategoryOption(String code, String label, int depth) {

  /** Every category of the tree, depth first, as the tree shows them. */
  static List<CategoryOption> of(List<CategoryNode> tree, Locale locale) {
    List<CategoryOption> options = new ArrayList<>();
    tree.forEach(node -> add(node, 0, locale, options));
    return options;
  }

  private static void add(CategoryNode node, int depth, Locale locale, List<CategoryOption> out) {
    String indent = "\u3000".repeat(depth); // ideographic spaces: select options drop ASCII ones
    out.add(
        new CategoryOption(node.category().code(), indent + node.category().name(locale), depth));
    node.children().forEach(child -> add(child, depth + 1, locale, out));
  }
}
