package io.tagbase.taxonomy;

import io.tagbase.web.NotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renames, moves, reorders and deletes categories. A category cannot move under itself or one of
 * its descendants, and only an empty category (no sub-categories, no tags) can be deleted. Each
 * call is one transaction and reads the whole category list (the taxonomy is small).
 */
@Service
public class CategoryEditor {
  private final JdbcTaxonomyRepository repository;
  private final JdbcTaxonomyEdits edits;

  CategoryEditor(JdbcTaxonomyRepository repository, JdbcTaxonomyEdits edits) {
    this.repository = repository;
    this.edits = edits;
  }

  /** Applies {@code change}; 404 for an unknown category, 400 for an unknown or looping parent. */
  @Transactional
  public TagCategory update(String code, CategoryChange change) {
    TagCategory current = find(code);
    Long parentId = current.parentId();
    Integer sortOrder = change.sortOrder();
    if (change.parentCode() != null) {
      parentId = parentOf(current, change.parentCode());
      if (!Objects.equals(parentId, current.parentId()) && sortOrder == null) {
        sortOrder = edits.maxSortOrder(parentId) + 1; // a moved category goes last
      }
    }
    edits.updateCategory(
        current.id(),
        parentId,
        name(change.nameZh(), current.nameZh(), "nameZh"),
        name(change.nameEn(), current.nameEn(), "nameEn"),
        sortOrder == null ? current.sortOrder() : sortOrder);
    return find(code);
  }

  /** Moves the category under {@code parentCode}, or to the top level when it is null or blank. */
  @Transactional
  public TagCategory move(String code, String parentCode) {
    return update(code, CategoryChange.moveTo(parentCode));
  }

  /** Deletes an empty category; 409 naming what it still holds otherwise. */
  @Transactional
  public void delete(String code) {
    TagCategory category = find(code);
    List<String> children = edits.childCategoryCodes(category.id());
    List<String> tags = edits.tagCodesIn(category.id());
    if (!children.isEmpty() || !tags.isEmpty()) {
      throw Refusal.conflict(
          "code",
          "taxonomy.error.categoryNotEmpty",
          code,
          children.size(),
          String.join(", ", children),
          tags.size(),
          String.join(", ", tags));
    }
    edits.deleteCategory(category.id());
  }

  private TagCategory find(String code) {
    return repository
        .category(code)
        .orElseThrow(() -> new NotFoundException("No category with code '" + code + "'."));
  }

  private Long parentOf(TagCategory moving, String parentCode) {
    if (parentCode.isBlank()) {
      return null;
    }
    TagCategory parent =
        repository
            .category(parentCode)
            .orElseThrow(
                () -> Refusal.invalid("parentCode", "taxonomy.error.noParent", parentCode));
    Map<Long, Long> parents = new HashMap<>();
    repository.categories().forEach(c -> parents.put(c.id(), c.parentId()));
    for (Long at = parent.id(); at != null; at = parents.get(at)) {
      if (at == moving.id()) {
        throw Refusal.invalid(
            "parentCode", "taxonomy.error.moveUnderItself", moving.code(), parentCode);
      }
    }
    return parent.id();
  }

  private static String name(String given, String current, String field) {
    if (given == null) {
      return current;
    }
    if (given.isBlank()) {
      throw Refusal.invalid(field, "taxonomy.error.blankName");
    }
    return given.strip();
  }
}
