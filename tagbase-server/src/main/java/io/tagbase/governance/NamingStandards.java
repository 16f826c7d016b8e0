package io.tagbase.governance;

import io.tagbase.governance.JdbcGovernanceRepository.StoredStandard;
import io.tagbase.privacy.AuditLog;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TagCategory;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagGuard;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Naming standards per category, checked when a tag is created or edited (400 naming the field) and
 * reported for existing tags. A tag's code never changes, so an edit checks the code only when it
 * moves the tag to another category.
 */
@Service
public class NamingStandards implements TagGuard {
  /**
   * One way a tag breaks its category's standard.
   *
   * @param rule CODE_PATTERN, DESCRIPTION or OWNER
   * @param message in English, for refusals
   */
  public record Violation(
      String field, String rule, String category, String pattern, String message) {}

  private final JdbcGovernanceRepository repository;
  private final TaxonomyService taxonomy;
  private final AuditLog audit;
  private final Clock clock;

  NamingStandards(
      JdbcGovernanceRepository repository, TaxonomyService taxonomy, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.taxonomy = taxonomy;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<NamingStandard> all() {
    return repository.standards().stream().map(NamingStandards::standard).toList();
  }

  @Transactional(readOnly = true)
  public Optional<NamingStandard> of(String categoryCode) {
    return all().stream().filter(s -> s.categoryCode().equals(categoryCode)).findFirst();
  }

  /** Sets the category's standard; 404 for an unknown category, 400 for a bad pattern. */
  @Transactional
  public NamingStandard save(NamingStandard standard, String actor) {
    TagCategory category = category(standard.categoryCode());
    String pattern = blankToNull(standard.codePattern());
    if (pattern != null) {
      CodePattern.compile(pattern, "codePattern");
    }
    repository.saveStandard(
        category.id(),
        new StoredStandard(
            category.code(), pattern, standard.requireDescription(), standard.requireOwner()),
        actor,
        clock.instant());
    audit.record(actor, "NAMING_STANDARD", "category", category.code(), String.valueOf(pattern));
    return of(category.code()).orElseThrow();
  }

  /** Removes the category's standard; 404 for an unknown category. */
  @Transactional
  public void delete(String categoryCode, String actor) {
    repository.deleteStandard(category(categoryCode).id());
    audit.record(actor, "NAMING_STANDARD_DELETE", "category", categoryCode, null);
  }

  /** How the tag breaks its category's standard; empty when it keeps it or there is none. */
  @Transactional(readOnly = true)
  public List<Violation> violations(TagDefinition tag) {
    String categoryCode =
        taxonomy.categories().stream()
            .filter(c -> c.id() == tag.categoryId())
            .map(TagCategory::code)
            .findFirst()
            .orElse(null);
    return of(categoryCode)
        .map(s -> check(s, tag.code(), true, tag.descriptionZh(), tag.descriptionEn(), tag.owner()))
        .orElse(List.of());
  }

  /**
   * How each of the tags breaks its category's standard, by tag code (tags that keep theirs left
   * out). One read of the standards and categories for all of them.
   */
  @Transactional(readOnly = true)
  public java.util.Map<String, List<Violation>> violations(List<TagDefinition> tags) {
    java.util.Map<Long, NamingStandard> byCategory = new java.util.HashMap<>();
    java.util.Map<String, NamingStandard> byCode = new java.util.HashMap<>();
    all().forEach(s -> byCode.put(s.categoryCode(), s));
    taxonomy
        .categories()
        .forEach(
            c -> {
              if (byCode.containsKey(c.code())) {
                byCategory.put(c.id(), byCode.get(c.code()));
              }
            });
    java.util.Map<String, List<Violation>> out = new java.util.HashMap<>();
    for (TagDefinition tag : tags) {
      NamingStandard s = byCategory.get(tag.categoryId());
      if (s != null) {
        List<Violation> found =
            check(s, tag.code(), true, tag.descriptionZh(), tag.descriptionEn(), tag.owner());
        if (!found.isEmpty()) {
          out.put(tag.code(), found);
        }
      }
    }
    return out;
  }

  @Override
  public void creating(NewTag tag, TagCategory category) {
    of(category.code())
        .ifPresent(
            s ->
                refuse(
                    check(
                        s,
                        tag.code(),
                        true,
                        tag.descriptionZh(),
                        tag.descriptionEn(),
                        tag.owner())));
  }

  @Override
  public void updating(TagDefinition current, TagDefinition changed, TagCategory category) {
    boolean moved = current.categoryId() != changed.categoryId();
    of(category.code())
        .ifPresent(
            s ->
                refuse(
                    check(
                        s,
                        changed.code(),
                        moved,
                        changed.descriptionZh(),
                        changed.descriptionEn(),
                        changed.owner())));
  }

  private static List<Violation> check(
      NamingStandard s,
      String code,
      boolean checkCode,
      String descriptionZh,
      String descriptionEn,
      String owner) {
    List<Violation> out = new ArrayList<>();
    if (checkCode
        && s.codePattern() != null
        && !CodePattern.compile(s.codePattern(), "codePattern").matches(code)) {
      out.add(
          new Violation(
              "code",
              "CODE_PATTERN",
              s.categoryCode(),
              s.codePattern(),
              "Code '"
                  + code
                  + "' does not match the pattern "
                  + s.codePattern()
                  + " of category '"
                  + s.categoryCode()
                  + "'."));
    }
    if (s.requireDescription()
        && blankToNull(descriptionZh) == null
        && blankToNull(descriptionEn) == null) {
      out.add(
          new Violation(
              "descriptionZh",
              "DESCRIPTION",
              s.categoryCode(),
              null,
              "Category '" + s.categoryCode() + "' requires a description (Chinese or English)."));
    }
    if (s.requireOwner() && blankToNull(owner) == null) {
      out.add(
          new Violation(
              "owner",
              "OWNER",
              s.categoryCode(),
              null,
              "Category '" + s.categoryCode() + "' requires an owner."));
    }
    return out;
  }

  private static void refuse(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations.get(0).field(), violations.get(0).message());
    }
  }

  private TagCategory category(String code) {
    return taxonomy.categories().stream()
        .filter(c -> c.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No category with code '" + code + "'."));
  }

  private static NamingStandard standard(StoredStandard s) {
    return new NamingStandard(
        s.categoryCode(), s.codePattern(), s.requireDescription(), s.requireOwner());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
