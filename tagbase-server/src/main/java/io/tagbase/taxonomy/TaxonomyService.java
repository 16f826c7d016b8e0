package io.tagbase.taxonomy;

import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The taxonomy feature's API: categories and tag definitions. Thread-safe; reads and writes are
 * single database transactions (the taxonomy is small: hundreds to a few thousand rows).
 */
@Service
public class TaxonomyService {
  private final JdbcTaxonomyRepository repository;
  private final Clock clock;
  private final org.springframework.beans.factory.ObjectProvider<TagGuard> guards;

  TaxonomyService(
      JdbcTaxonomyRepository repository,
      Clock clock,
      org.springframework.beans.factory.ObjectProvider<TagGuard> guards) {
    this.repository = repository;
    this.clock = clock;
    this.guards = guards;
  }

  @Transactional(readOnly = true)
  public List<TagCategory> categories() {
    return repository.categories();
  }

  /** Creates a category under {@code parentCode} (top level when blank); 409 for a taken code. */
  @Transactional
  public TagCategory createCategory(NewCategory category) {
    if (repository.category(category.code()).isPresent()) {
      throw new ConflictException("code", "A category with code '" + category.code() + "' exists.");
    }
    Long parentId = null;
    if (category.parentCode() != null && !category.parentCode().isBlank()) {
      parentId =
          repository
              .category(category.parentCode())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "parentCode", "No category with code '" + category.parentCode() + "'."))
              .id();
    }
    int sort = category.sortOrder() == null ? 0 : category.sortOrder();
    repository.insertCategory(category, parentId, sort);
    return repository.category(category.code()).orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<TagDefinition> tags() {
    return repository.tags();
  }

  @Transactional(readOnly = true)
  public Optional<TagDefinition> find(String code) {
    return repository.tag(code);
  }

  /** The tag with this code; 404 when there is none. */
  @Transactional(readOnly = true)
  public TagDefinition get(String code) {
    return find(code).orElseThrow(() -> new NotFoundException("No tag with code '" + code + "'."));
  }

  /**
   * Creates a tag in an existing category, recorded as version 1 by {@code actor}; 409 for a taken
   * code, 400 for an unknown category or inconsistent values.
   */
  @Transactional
  public TagDefinition createTag(NewTag tag, String actor) {
    if (repository.tag(tag.code()).isPresent()) {
      throw new ConflictException("code", "A tag with code '" + tag.code() + "' exists.");
    }
    TagCategory category =
        repository
            .category(tag.categoryCode())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "categoryCode", "No category with code '" + tag.categoryCode() + "'."));
    NewTagDefaults settings = NewTagDefaults.of(tag);
    checkValues(settings.valueType(), tag.values());
    guards.orderedStream().forEach(g -> g.creating(tag, category));
    long id = repository.insertTag(tag, category.id(), settings, clock.instant());
    TagDefinition created = repository.tag(tag.code()).orElseThrow();
    repository.insertVersion(id, 1, "CREATE", actor, TagJson.write(created), clock.instant());
    return created;
  }

  /** The definition's recorded versions, newest first. 404 for an unknown tag. */
  @Transactional(readOnly = true)
  public List<TagVersion> versions(String code) {
    return repository.versions(get(code).id());
  }

  private static void checkValues(TagValueType type, List<TagValue> values) {
    int count = values == null ? 0 : values.size();
    if (type == TagValueType.FLAG && count > 0) {
      throw new InvalidInputException("values", "A flag tag has no values; use valueType LAYERED.");
    }
    if (type == TagValueType.LAYERED) {
      if (count < 2) {
        throw new InvalidInputException("values", "A layered tag needs at least two values.");
      }
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < count; i++) {
        if (!seen.add(values.get(i).code())) {
          throw new InvalidInputException(
              "values[" + i + "].code",
              "Value code '" + values.get(i).code() + "' is listed twice.");
        }
      }
    }
  }

  /** The whole taxonomy as a tree of categories with their tags, ordered for display. */
  @Transactional(readOnly = true)
  public List<CategoryNode> tree() {
    List<TagCategory> categories = repository.categories();
    Map<Long, List<TagDefinition>> tagsByCategory = new HashMap<>();
    for (TagDefinition t : repository.tags()) {
      tagsByCategory.computeIfAbsent(t.categoryId(), k -> new ArrayList<>()).add(t);
    }
    Map<Long, List<TagCategory>> childrenOf = new HashMap<>();
    List<TagCategory> roots = new ArrayList<>();
    for (TagCategory c : categories) {
      if (c.parentId() == null) {
        roots.add(c);
      } else {
        childrenOf.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
      }
    }
    return roots.stream().map(c -> node(c, childrenOf, tagsByCategory)).toList();
  }

  private static CategoryNode node(
      TagCategory c,
      Map<Long, List<TagCategory>> childrenOf,
      Map<Long, List<TagDefinition>> tagsByCategory) {
    List<CategoryNode> children =
        childrenOf.getOrDefault(c.id(), List.of()).stream()
            .sorted(Comparator.comparingInt(TagCategory::sortOrder).thenComparing(TagCategory::id))
            .map(child -> node(child, childrenOf, tagsByCategory))
            .toList();
    return new CategoryNode(c, children, tagsByCategory.getOrDefault(c.id(), List.of()));
  }
}
