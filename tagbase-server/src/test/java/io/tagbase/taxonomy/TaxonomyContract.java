package io.tagbase.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every taxonomy rule of issue 3 (categories, tag definitions, the starter taxonomy), whichever
 * database is behind it: run on H2 by {@code H2TaxonomyIT} and on PostgreSQL by {@code
 * PostgresTaxonomyIT}. Tests share one database, so each makes its own uniquely coded categories
 * and tags; the starter tests hold whatever order they run in.
 */
abstract class TaxonomyContract extends TagContract {
  @Autowired StarterTaxonomy starter;

  @Test
  void starterInstallsTheSixGroupsWithSubCategoriesAndLayeredTags() {
    starter.install("admin");
    assertThat(taxonomy.tree())
        .filteredOn(n -> n.category().parentId() == null)
        .extracting(n -> n.category().code())
        .contains("basic", "behavior", "value", "preference", "lifecycle", "risk");
    assertThat(stored("rfm").parentId()).isEqualTo(stored("value").id());
    TagDefinition stage = taxonomy.get("lifecycle_stage");
    assertThat(stage.layered()).isTrue();
    assertThat(stage.values())
        .extracting(TagValue::nameZh)
        .containsExactly("新客", "活跃", "沉睡", "流失", "召回");
    assertThat(taxonomy.get("rfm_tier").values()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void installingTheStarterTwiceAddsNothingAndSaysSo() {
    starter.install("admin");
    int categories = taxonomy.categories().size();
    int tags = taxonomy.tags().size();
    StarterReport again = starter.install("admin");
    assertThat(again.alreadyInstalled()).isTrue();
    assertThat(again.categoriesKept()).isEqualTo(StarterCatalog.categories().size());
    assertThat(again.tagsKept()).isEqualTo(StarterCatalog.tags().size());
    assertThat(again.message()).contains("nothing was added");
    assertThat(taxonomy.categories()).hasSize(categories);
    assertThat(taxonomy.tags()).hasSize(tags);
  }

  @Test
  void starterNeverOverwritesACategoryOrTagWithTheSameCode() {
    starter.install("admin");
    categories.update("risk", CategoryChange.rename("风控", "Risk control", null));
    TagDefinition female = taxonomy.get("female");
    tags.update("female", TaxonomyFixtures.renamed(female, "demographic", "女", "Woman"), "alice");
    starter.install("admin");
    assertThat(stored("risk").nameZh()).isEqualTo("风控");
    assertThat(taxonomy.get("female").nameEn()).isEqualTo("Woman");
  }
}
