package io.tagbase.rules;

import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.RefreshMode;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagKind;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TagValueType;
import io.tagbase.taxonomy.TaxonomyService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Creates the tags a template writes, with the values it needs, so a user picks a category and a
 * code and gets working RFM or lifecycle tags: RFM a tier tag plus {@code <code>_r}, {@code _f},
 * {@code _m} score tags (values s1..sk), lifecycle one tag with the five stages. Also the default
 * RFM tiers, which follow the common reading of scores 1..k (high = top fifth).
 */
@Component
class TemplateTags {
  record Tier(String code, String nameZh, String nameEn) {}

  static final List<Tier> RFM_TIERS =
      List.of(
          new Tier("champions", "重要价值客户", "Champions"),
          new Tier("loyal", "忠诚客户", "Loyal"),
          new Tier("potential", "潜力客户", "Potential"),
          new Tier("at_risk", "重要挽留客户", "At risk"),
          new Tier("hibernating", "沉睡客户", "Hibernating"),
          new Tier("others", "一般客户", "Others"));

  static final List<Tier> STAGES =
      List.of(
          new Tier("new", "新客", "New"),
          new Tier("won_back", "召回", "Won back"),
          new Tier("active", "活跃", "Active"),
          new Tier("dormant", "沉睡", "Dormant"),
          new Tier("churned", "流失", "Churned"));

  private final TaxonomyService taxonomy;

  TemplateTags(TaxonomyService taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** The default tier conditions for k bands; the last tier is the else value. */
  static List<TagTemplate.Branch> defaultSegments(int k) {
    int high = k - k / 5;
    int low = Math.max(1, 2 * k / 5);
    int mid = (k + 1) / 2;
    return List.of(
        new TagTemplate.Branch(
            "champions", "r >= " + high + " and f >= " + high + " and m >= " + high),
        new TagTemplate.Branch("loyal", "f >= " + high + " and m >= " + mid),
        new TagTemplate.Branch("potential", "r >= " + high + " and f <= " + low),
        new TagTemplate.Branch("at_risk", "r <= " + low + " and f >= " + mid),
        new TagTemplate.Branch("hibernating", "r <= " + low + " and f <= " + low));
  }

  /** RFM settings with the default tiers and score tags named after {@code code}. */
  static TagTemplate.Rfm defaultRfm(String code, String event, int bands) {
    return new TagTemplate.Rfm(
        event,
        null,
        null,
        "orders",
        "order_id",
        "amount",
        bands,
        null,
        null,
        null,
        defaultSegments(bands),
        "others",
        code + "_r",
        code + "_f",
        code + "_m");
  }

  /** Creates the tier tag and its score tags, each only when missing; returns the tier tag. */
  TagDefinition createRfmTags(
      String code, String category, String nameZh, String nameEn, int bands, String actor) {
    TagDefinition tier = createIfMissing(code, category, nameZh, nameEn, values(RFM_TIERS), actor);
    String[][] scores = {
      {"_r", "R 最近度得分", "R recency score"},
      {"_f", "F 频次得分", "F frequency score"},
      {"_m", "M 金额得分", "M monetary score"}
    };
    for (String[] score : scores) {
      List<TagValue> values = new ArrayList<>();
      for (int s = 1; s <= bands; s++) {
        values.add(new TagValue(RfmProgram.scoreValue(s), s + " 分", "Score " + s));
      }
      createIfMissing(
          code + score[0],
          category,
          nameZh + " · " + score[1],
          nameEn + " · " + score[2],
          values,
          actor);
    }
    return tier;
  }

  /** Creates the lifecycle tag with the five stages when missing. */
  TagDefinition createLifecycleTag(
      String code, String category, String nameZh, String nameEn, String actor) {
    return createIfMissing(code, category, nameZh, nameEn, values(STAGES), actor);
  }

  private TagDefinition createIfMissing(
      String code,
      String category,
      String nameZh,
      String nameEn,
      List<TagValue> values,
      String actor) {
    return taxonomy
        .find(code)
        .orElseGet(
            () ->
                taxonomy.createTag(
                    new NewTag(
                        code,
                        category,
                        nameZh,
                        nameEn,
                        null,
                        null,
                        TagKind.RULE,
                        null,
                        actor,
                        TagValueType.LAYERED,
                        values,
                        RefreshMode.SCHEDULED,
                        null,
                        null),
                    actor));
  }

  private static List<TagValue> values(List<Tier> tiers) {
    return tiers.stream().map(t -> new TagValue(t.code(), t.nameZh(), t.nameEn())).toList();
  }
}
