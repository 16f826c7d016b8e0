package io.tagbase.taxonomy;

import static io.tagbase.taxonomy.TaxonomyFixtures.category;
import static io.tagbase.taxonomy.TaxonomyFixtures.tag;
import static io.tagbase.taxonomy.TaxonomyFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The category rules of issue 3, whichever database is behind them: rename, move, reorder, and
 * deletion only of empty categories. Run on H2 and PostgreSQL by {@code H2TaxonomyIT} and {@code
 * PostgresTaxonomyIT} (through {@link TaxonomyContract}).
 */
abstract class CategoryContract {
  @Autowired TaxonomyService taxonomy;
  @Autowired CategoryEditor categories;

  String newCategory(String parent) {
    String code = unique("cat");
    taxonomy.createCategory(category(code, parent));
    return code;
  }

  TagCategory stored(String code) {
    return taxonomy.categories().stream()
        .filter(c -> c.code().equals(code))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void renameChangesBothNamesAndKeepsTheRest() {
    String parent = newCategory(null);
    String code = newCategory(parent);
    categories.update(code, CategoryChange.rename("新名字", "New name", null));
    TagCategory renamed = stored(code);
    assertThat(renamed.nameZh()).isEqualTo("新名字");
    assertThat(renamed.nameEn()).isEqualTo("New name");
    assertThat(renamed.parentId()).isEqualTo(stored(parent).id());
  }

  @Test
  void blankNameIsRefused() {
    String code = newCategory(null);
    assertThatThrownBy(() -> categories.update(code, CategoryChange.rename(" ", null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void moveUnderAnotherCategoryPutsItLastAmongItsNewSiblings() {
    String target = newCategory(null);
    newCategory(target);
    String second = newCategory(target);
    categories.update(second, new CategoryChange(null, null, null, 7));
    String moving = newCategory(null);
    categories.move(moving, target);
    assertThat(stored(moving).parentId()).isEqualTo(stored(target).id());
    assertThat(stored(moving).sortOrder()).isEqualTo(8);
  }

  @Test
  void emptyParentCodeMovesToTheTopLevel() {
    String parent = newCategory(null);
    String child = newCategory(parent);
    categories.update(child, CategoryChange.moveTo(""));
    assertThat(stored(child).parentId()).isNull();
  }

  @Test
  void moveUnderItselfIsRefused() {
    String code = newCategory(null);
    assertThatThrownBy(() -> categories.move(code, code))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot move under itself");
  }

  @Test
  void moveUnderADescendantIsRefusedNamingIt() {
    String top = newCategory(null);
    String middle = newCategory(top);
    String bottom = newCategory(middle);
    assertThatThrownBy(() -> categories.move(top, bottom))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(top)
        .hasMessageContaining(bottom);
    assertThat(stored(top).parentId()).isNull();
  }

  @Test
  void moveUnderAnUnknownCategoryIsRefused() {
    String code = newCategory(null);
    assertThatThrownBy(() -> categories.move(code, "no_such_parent"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no_such_parent");
  }

  @Test
  void sortOrderDecidesTheOrderOfSiblingsInTheTree() {
    String parent = newCategory(null);
    String a = newCategory(parent);
    String b = newCategory(parent);
    categories.update(a, new CategoryChange(null, null, null, 5));
    categories.update(b, new CategoryChange(null, null, null, 1));
    var node = taxonomy.tree().stream().filter(n -> n.category().code().equals(parent)).findFirst();
    assertThat(node.orElseThrow().children())
        .extracting(n -> n.category().code())
        .containsExactly(b, a);
  }

  @Test
  void emptyCategoryCanBeDeleted() {
    String code = newCategory(null);
    categories.delete(code);
    assertThat(taxonomy.categories()).noneMatch(c -> c.code().equals(code));
  }

  @Test
  void categoryWithSubCategoriesIsNotDeletedAndTheReasonNamesThem() {
    String parent = newCategory(null);
    String child = newCategory(parent);
    assertThatThrownBy(() -> categories.delete(parent))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("1 sub-categories (" + child + ")")
        .hasMessageContaining("0 tags");
  }

  @Test
  void categoryWithTagsIsNotDeletedAndTheReasonNamesThem() {
    String code = newCategory(null);
    String tagCode = unique("tag");
    taxonomy.createTag(tag(tagCode, code, TagStatus.ACTIVE), "tester");
    assertThatThrownBy(() -> categories.delete(code))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("1 tags (" + tagCode + ")");
    assertThat(taxonomy.categories()).anyMatch(c -> c.code().equals(code));
  }

  @Test
  void unknownCategoryIsNotFound() {
    assertThatThrownBy(() -> categories.delete("no_such_category"))
        .isInstanceOf(NotFoundException.class);
  }
}
