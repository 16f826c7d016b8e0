package io.tagbase.segment;

import io.tagbase.engine.Condition;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.tagging.TagKeys;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TaxonomyService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Profiles and comparisons of segments, from the membership index (tags) and the stored members
 * (profile fields). Cost: one evaluation and one AND count per tag and value; a few GROUP BY reads.
 */
@Service
public class SegmentInsights {
  private final MembershipIndex index;
  private final TaxonomyService taxonomy;
  private final JdbcSegmentRepository repository;
  private final io.tagbase.tagging.CustomerScopes scopes;

  SegmentInsights(
      MembershipIndex index,
      TaxonomyService taxonomy,
      JdbcSegmentRepository repository,
      io.tagbase.tagging.CustomerScopes scopes) {
    this.scopes = scopes;
    this.index = index;
    this.taxonomy = taxonomy;
    this.repository = repository;
  }

  public SegmentInsight insight(SegmentDefinition segment) {
    Condition members = Condition.tag(segment.indexKey());
    List<String> keys = new ArrayList<>();
    List<String[]> labels = new ArrayList<>();
    for (TagDefinition tag : taxonomy.tags()) {
      keys.add(tag.code());
      labels.add(new String[] {tag.code(), null, tag.nameZh(), tag.nameEn()});
      for (TagValue value : tag.values()) {
        keys.add(TagKeys.of(tag.code(), value.code()));
        labels.add(
            new String[] {
              tag.code(),
              value.code(),
              tag.nameZh() + " · " + value.nameZh(),
              tag.nameEn() + " · " + value.nameEn()
            });
      }
    }
    members = scopes.restrict(members);
    long size = index.count(members);
    long population = index.population();
    long[][] counts = index.distribution(members, keys);
    List<SegmentInsight.TagShare> shares = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      double segmentShare = size == 0 ? 0 : (double) counts[0][i] / size;
      double overallShare = population == 0 ? 0 : (double) counts[1][i] / population;
      Double tgi = overallShare == 0 ? null : Math.round(segmentShare / overallShare * 1000) / 10.0;
      String[] l = labels.get(i);
      shares.add(
          new SegmentInsight.TagShare(
              l[0], l[1], l[2], l[3], counts[0][i], counts[1][i], segmentShare, overallShare, tgi));
    }
    Map<String, List<ValueCount>> top = new LinkedHashMap<>();
    for (String column : List.of("city", "channel", "gender")) {
      top.put(column, repository.topValues(segment.id(), column, 10, scopes.owner().orElse(null)));
    }
    return new SegmentInsight(size, population, shares, top);
  }

  public SegmentComparison compare(SegmentDefinition a, SegmentDefinition b) {
    Condition inA = scopes.restrict(Condition.tag(a.indexKey()));
    Condition inB = scopes.restrict(Condition.tag(b.indexKey()));
    long both = index.count(Condition.and(inA, inB));
    long onlyA = index.count(Condition.and(inA, Condition.not(inB)));
    long onlyB = index.count(Condition.and(inB, Condition.not(inA)));
    long union = onlyA + both + onlyB;
    return new SegmentComparison(
        a.code(), b.code(), onlyA, both, onlyB, union == 0 ? 0 : (double) both / union);
  }
}
