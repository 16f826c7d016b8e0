package io.tagbase.taxonomy;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Installs the starter taxonomy ({@link StarterCatalog}) in one transaction. Idempotent: a category
 * or tag whose code exists is kept as it is (never overwritten), so installing twice adds nothing.
 */
@Service
public class StarterTaxonomy {
  private final TaxonomyService taxonomy;

  StarterTaxonomy(TaxonomyService taxonomy) {
    this.taxonomy = taxonomy;
  }

  /**
   * Adds whatever of the starter taxonomy is missing; tag versions are recorded as {@code actor}.
   */
  @Transactional
  public StarterReport install(String actor) {
    List<String> categoriesAdded = new ArrayList<>();
    List<String> tagsAdded = new ArrayList<>();
    int categoriesKept = 0;
    int tagsKept = 0;
    for (NewCategory category : StarterCatalog.categories()) {
      if (taxonomy.categories().stream().anyMatch(c -> c.code().equals(category.code()))) {
        categoriesKept++;
      } else {
        taxonomy.createCategory(category);
        categoriesAdded.add(category.code());
      }
    }
    for (NewTag tag : StarterCatalog.tags()) {
      if (taxonomy.find(tag.code()).isPresent()) {
        tagsKept++;
      } else {
        taxonomy.createTag(tag, actor);
        tagsAdded.add(tag.code());
      }
    }
    return StarterReport.of(categoriesAdded, tagsAdded, categoriesKept, tagsKept);
  }
}
