package io.tagbase.taxonomy;

import java.util.List;

/**
 * What installing the starter taxonomy did: the codes it added, and how many of its categories and
 * tags were already there (kept as they were, never overwritten).
 *
 * @param alreadyInstalled true when everything was already there and nothing was added
 * @param message a sentence saying what happened, in English
 */
public record StarterReport(
    List<String> categoriesAdded,
    List<String> tagsAdded,
    int categoriesKept,
    int tagsKept,
    boolean alreadyInstalled,
    String message) {

  static StarterReport of(
      List<String> categoriesAdded, List<String> tagsAdded, int categoriesKept, int tagsKept) {
    boolean nothing = categoriesAdded.isEmpty() && tagsAdded.isEmpty();
    String message =
        nothing
            ? Refusal.english("taxonomy.starter.nothing", categoriesKept, tagsKept)
            : Refusal.english(
                "taxonomy.starter.installed",
                categoriesAdded.size(),
                tagsAdded.size(),
                categoriesKept,
                tagsKept);
    return new StarterReport(
        List.copyOf(categoriesAdded),
        List.copyOf(tagsAdded),
        categoriesKept,
        tagsKept,
        nothing,
        message);
  }
}
