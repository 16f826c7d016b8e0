package io.tagbase.governance;

import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TaxonomyService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where-used for tags: every rule, template, segment and automation that reads or writes a tag, and
 * the tags a rule tag reads. Computed from the stored definitions on each call (one read of each
 * table, one parse per rule); thread-safe.
 */
@Service
public class TagUsages {
  private final TagReferences references;
  private final TaxonomyService taxonomy;

  TagUsages(TagReferences references, TaxonomyService taxonomy) {
    this.references = references;
    this.taxonomy = taxonomy;
  }

  /** Where the tag is used and what it uses; 404 for an unknown tag. */
  @Transactional(readOnly = true)
  public WhereUsed of(String code) {
    TagDefinition tag = taxonomy.get(code);
    Set<String> codes = codes();
    List<Usage> usedBy = references.all().getOrDefault(tag.code(), List.of());
    Set<String> uses = new TreeSet<>(references.uses().getOrDefault(tag.code(), Set.of()));
    uses.retainAll(codes);
    return new WhereUsed(tag.code(), List.copyOf(usedBy), List.copyOf(uses));
  }

  /**
   * Usages of every tag that has any, by tag code (unknown names, such as attributes, left out).
   */
  @Transactional(readOnly = true)
  public Map<String, List<Usage>> all() {
    Set<String> codes = codes();
    return references.all().entrySet().stream()
        .filter(e -> codes.contains(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private Set<String> codes() {
    return taxonomy.tags().stream().map(TagDefinition::code).collect(Collectors.toSet());
  }

  /** "SEGMENT vip_buyers (condition), RULE big_spender (rule)": for messages. */
  static String describe(List<Usage> usages) {
    return usages.stream()
        .map(u -> u.kind() + " " + u.code() + " (" + u.field() + ")")
        .collect(Collectors.joining(", "));
  }
}
