package io.tagbase.analytics;

import io.tagbase.engine.Condition;
import io.tagbase.engine.SegmentEvaluator;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagComparisons;
import io.tagbase.engine.TagCoverage;
import io.tagbase.engine.TagStatistics;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.tagging.TagKeys;
import io.tagbase.taxonomy.TagCategory;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Figures read from the membership index alone: coverage, the distribution of a layered tag, a
 * tag's overlap with the others and its profile (TGI), the overlap and Venn regions of chosen tags,
 * and the cross-tab of two layered tags. Every count is of live customers.
 *
 * <p>Cost: bitmap operations only, never database I/O: one AND-count per tag (or cell) involved. At
 * 10M customers a dense tag is 156k words, so a figure over a few hundred keys stays well under a
 * second on two cores.
 */
@Service
public class TagFigures {
  private final MembershipIndex index;
  private final TaxonomyService taxonomy;

  TagFigures(MembershipIndex index, TaxonomyService taxonomy) {
    this.index = index;
    this.taxonomy = taxonomy;
  }

  /** Per category (its subcategories included): customers with at least one of its tags. */
  public Figure coverageByCategory(Locale locale) {
    List<TagCategory> categories = taxonomy.categories();
    List<TagDefinition> tags = taxonomy.tags();
    long population = index.population();
    Figure figure =
        Figure.of("coverage-categories", "category", "label", "tags", "customers", "share")
            .fact("population", population);
    for (TagCategory category : categories) {
      Set<Long> subtree = subtree(category.id(), categories);
      List<Condition> any =
          tags.stream()
              .filter(t -> subtree.contains(t.categoryId()))
              .map(t -> (Condition) Condition.tag(t.code()))
              .toList();
      long covered = any.isEmpty() ? 0 : index.count(Condition.or(any));
      figure.row(
          category.code(),
          category.name(locale),
          any.size(),
          covered,
          Figure.share(covered, population));
    }
    return figure;
  }

  /** Per tag (of one category and its subcategories, or all): holders and share of customers. */
  public Figure coverageOfTags(String categoryCode, Locale locale) {
    List<TagCategory> categories = taxonomy.categories();
    Set<Long> within = null;
    if (categoryCode != null && !categoryCode.isBlank()) {
      TagCategory category =
          categories.stream()
              .filter(c -> c.code().equals(categoryCode))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "category", "No category has the code '" + categoryCode + "'."));
      within = subtree(category.id(), categories);
    }
    long population = index.population();
    Figure figure =
        Figure.of("coverage-tags", "tag", "label", "customers", "share")
            .fact("population", population);
    Set<Long> wanted = within;
    List<TagDefinition> tags =
        taxonomy.tags().stream()
            .filter(t -> wanted == null || wanted.contains(t.categoryId()))
            .toList();
    long[] members = coverage(tags.stream().map(TagDefinition::code).toList());
    for (int i = 0; i < tags.size(); i++) {
      TagDefinition tag = tags.get(i);
      figure.row(tag.code(), tag.name(locale), members[i], Figure.share(members[i], population));
    }
    figure.rows().sort(Comparator.comparingLong(r -> -((Number) r.get("customers")).longValue()));
    return figure;
  }

  /**
   * How the holders of a tag spread over its values (a flag tag: holders and the rest). Shares are
   * of all customers; {@code holders} is a fact.
   */
  public Figure distribution(String tagCode, Locale locale) {
    TagDefinition tag = taxonomy.get(tagCode);
    List<String> keys = valueKeys(tag);
    long[] counts = coverage(keys);
    long population = index.population();
    long holders = coverage(List.of(tag.code()))[0];
    Figure figure =
        Figure.of("distribution", "value", "label", "customers", "share")
            .fact("tag", tag.code())
            .fact("population", population)
            .fact("holders", holders);
    List<TagValue> values = tag.values();
    for (int i = 0; i < values.size(); i++) {
      figure.row(
          values.get(i).code(),
          values.get(i).name(locale),
          counts[i],
          Figure.share(counts[i], population));
    }
    if (!tag.layered()) {
      figure.row("", tag.name(locale), holders, Figure.share(holders, population));
    }
    return figure;
  }

  /**
   * The other tags (and values) the holders of a tag also hold, against everyone: how many hold
   * both, Jaccard (both / either), the share of the tag's holders, the share overall and TGI (share
   * among holders / share overall x 100). Ordered by Jaccard, largest first.
   */
  public Figure profile(String tagCode, Locale locale) {
    TagDefinition tag = taxonomy.get(tagCode);
    List<String[]> keys = new ArrayList<>(); // key, tag, value, label
    for (TagDefinition other : taxonomy.tags()) {
      if (!other.code().equals(tag.code())) {
        keys.add(new String[] {other.code(), other.code(), "", other.name(locale)});
        for (TagValue value : other.values()) {
          keys.add(
              new String[] {
                TagKeys.of(other.code(), value.code()),
                other.code(),
                value.code(),
                other.name(locale) + " · " + value.name(locale)
              });
        }
      }
    }
    List<String> keyList = keys.stream().map(k -> k[0]).toList();
    // both columns in one read: AND-counts with the holders, live counts of every key
    long[][] counts =
        index.withIndex(
            (dictionary, tags) -> {
              TagBitmap holding =
                  new SegmentEvaluator(tags, dictionary).evaluate(Condition.tag(tag.code()));
              return new long[][] {
                new TagStatistics(tags, dictionary).distribution(holding, keyList),
                new TagCoverage(tags, dictionary).counts(keyList),
                {holding.cardinality()}
              };
            });
    long holders = counts[2][0];
    long population = index.population();
    Figure figure =
        Figure.of(
                "profile",
                "key",
                "tag",
                "value",
                "label",
                "both",
                "overall",
                "jaccard",
                "holderShare",
                "overallShare",
                "tgi")
            .fact("tag", tag.code())
            .fact("holders", holders)
            .fact("population", population);
    for (int i = 0; i < keys.size(); i++) {
      String[] k = keys.get(i);
      long both = counts[0][i];
      long overall = counts[1][i];
      figure.row(
          k[0],
          k[1],
          k[2],
          k[3],
          both,
          overall,
          Figure.share(both, holders + overall - both),
          Figure.share(both, holders),
          Figure.share(overall, population),
          tgi(both, holders, overall, population));
    }
    figure.rows().sort(Comparator.comparingDouble(r -> -((Number) r.get("jaccard")).doubleValue()));
    return figure;
  }

  /** TGI rounded to one decimal; null when the overall share is 0 (no comparison possible). */
  static Double tgi(long inGroup, long group, long overall, long population) {
    if (overall == 0 || population == 0 || group == 0) {
      return null;
    }
    double ratio = ((double) inGroup / group) / ((double) overall / population);
    return Math.round(ratio * 1000) / 10.0;
  }

  /**
   * Every pair of the given tags (or {@code code=value} keys): holders of each, of both, and
   * Jaccard.
   */
  public Figure overlap(List<String> keys, Locale locale) {
    List<String> checked = checkedKeys(keys, 2, 20);
    long[] sizes = coverage(checked);
    long[][] both =
        index.withIndex(
            (dictionary, tags) -> new TagComparisons(tags, dictionary).crossTab(checked, checked));
    Figure figure =
        Figure.of(
            "overlap", "a", "aLabel", "b", "bLabel", "aCustomers", "bCustomers", "both", "jaccard");
    for (int i = 0; i < checked.size(); i++) {
      for (int j = i + 1; j < checked.size(); j++) {
        figure.row(
            checked.get(i),
            label(checked.get(i), locale),
            checked.get(j),
            label(checked.get(j), locale),
            sizes[i],
            sizes[j],
            both[i][j],
            Figure.share(both[i][j], sizes[i] + sizes[j] - both[i][j]));
      }
    }
    return figure;
  }

  /**
   * The regions of a Venn diagram of 2 to 6 tags: for each non-empty combination, the customers who
   * hold exactly those tags and none of the others. {@code none} (holding none) is a fact.
   */
  public Figure venn(List<String> keys, Locale locale) {
    List<String> checked = checkedKeys(keys, 2, TagComparisons.MAX_VENN_TAGS);
    long[] regions =
        index.withIndex(
            (dictionary, tags) -> new TagComparisons(tags, dictionary).vennRegions(checked));
    Figure figure =
        Figure.of("venn", "sets", "label", "customers")
            .fact("keys", checked)
            .fact("none", regions[0])
            .fact("population", index.population());
    for (int mask = 1; mask < regions.length; mask++) {
      List<String> in = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < checked.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          in.add(checked.get(i));
          labels.add(label(checked.get(i), locale));
        }
      }
      figure.row(String.join("+", in), String.join(" ∩ ", labels), regions[mask]);
    }
    return figure;
  }

  /**
   * The cross-tab of two layered tags: customers per pair of values (rows from {@code rowTag},
   * columns from {@code columnTag}), for a heat map.
   */
  public Figure crossTab(String rowTag, String columnTag, String name, Locale locale) {
    TagDefinition rows = layered(rowTag, "rows");
    TagDefinition columns = layered(columnTag, "columns");
    List<String> rowKeys = valueKeys(rows);
    List<String> columnKeys = valueKeys(columns);
    long[][] counts =
        index.withIndex(
            (dictionary, tags) ->
                new TagComparisons(tags, dictionary).crossTab(rowKeys, columnKeys));
    Figure figure =
        Figure.of(name, "row", "rowLabel", "column", "columnLabel", "customers", "share")
            .fact("rowTag", rows.code())
            .fact("rowTagLabel", rows.name(locale))
            .fact("columnTag", columns.code())
            .fact("columnTagLabel", columns.name(locale));
    long population = index.population();
    for (int i = 0; i < rowKeys.size(); i++) {
      for (int j = 0; j < columnKeys.size(); j++) {
        figure.row(
            rows.values().get(i).code(),
            rows.values().get(i).name(locale),
            columns.values().get(j).code(),
            columns.values().get(j).name(locale),
            counts[i][j],
            Figure.share(counts[i][j], population));
      }
    }
    return figure;
  }

  TagDefinition layered(String code, String field) {
    if (code == null || code.isBlank()) {
      throw new InvalidInputException(field, "Name a layered tag by its code.");
    }
    TagDefinition tag =
        taxonomy
            .find(code)
            .orElseThrow(
                () -> new InvalidInputException(field, "No tag has the code '" + code + "'."));
    if (!tag.layered()) {
      throw new InvalidInputException(
          field, "Tag '" + code + "' has no values; a cross-tab needs a layered tag.");
    }
    return tag;
  }

  /** The index keys of a tag's values, in the tag's order; empty for a flag tag. */
  static List<String> valueKeys(TagDefinition tag) {
    return tag.values().stream().map(v -> TagKeys.of(tag.code(), v.code())).toList();
  }

  /** Live holders of each key. */
  long[] coverage(List<String> keys) {
    return index.withIndex((dictionary, tags) -> new TagCoverage(tags, dictionary).counts(keys));
  }

  /** Tag codes or {@code code=value} keys that exist, deduplicated; 400 naming {@code tags}. */
  private List<String> checkedKeys(List<String> keys, int min, int max) {
    List<String> distinct = keys == null ? List.of() : keys.stream().distinct().toList();
    if (distinct.size() < min || distinct.size() > max) {
      throw new InvalidInputException(
          "tags", "Give " + min + " to " + max + " different tags (codes, or code=value).");
    }
    for (String key : distinct) {
      label(key, Locale.ROOT, "tags");
    }
    return distinct;
  }

  /** The name of a tag or tag value key in the reader's language. */
  String label(String key, Locale locale) {
    return label(key, locale, "tags");
  }

  private String label(String key, Locale locale, String field) {
    int eq = key.indexOf('=');
    String code = eq < 0 ? key : key.substring(0, eq);
    TagDefinition tag =
        taxonomy
            .find(code)
            .orElseThrow(
                () -> new InvalidInputException(field, "No tag has the code '" + code + "'."));
    if (eq < 0) {
      return tag.name(locale);
    }
    String value = key.substring(eq + 1);
    return tag.value(value)
        .map(v -> tag.name(locale) + " · " + v.name(locale))
        .orElseThrow(
            () ->
                new InvalidInputException(
                    field, "Tag '" + code + "' has no value '" + value + "'."));
  }

  private static Set<Long> subtree(long root, List<TagCategory> categories) {
    Set<Long> ids = new HashSet<>(List.of(root));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (TagCategory c : categories) {
        if (c.parentId() != null && ids.contains(c.parentId()) && ids.add(c.id())) {
          grew = true;
        }
      }
    }
    return ids;
  }
}
