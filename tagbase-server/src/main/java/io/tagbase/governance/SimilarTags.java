package io.tagbase.governance;

import io.tagbase.engine.TagBitmap;
import io.tagbase.governance.JdbcGovernanceRepository.StoredRule;
import io.tagbase.rules.RuleService;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagStatus;
import io.tagbase.taxonomy.TaxonomyService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags that may mean the same thing, found three ways, each with its evidence: by name (edit
 * distance of the Chinese and English names, and of their pinyin, see {@link Pinyin}), by
 * definition (rule tags whose rules are equal once checked, printed canonically and with AND/OR
 * terms sorted) and by members (Jaccard index of the member bitmaps, and containment: almost every
 * member of one inside the other). Archived tags are left out. Cost: names and members compare
 * every pair of tags, so O(tags²) name comparisons and bitmap intersections (for 800 tags, 320,000
 * intersections, run under the index's read lock).
 */
@Service
public class SimilarTags {
  /** Chinese names this similar (1 - edit distance / length) are reported. */
  static final double CHINESE_NAMES = 0.6;

  /** Pinyin, English names and codes this similar are reported. */
  static final double LATIN_NAMES = 0.8;

  private final TaxonomyService taxonomy;
  private final RuleService rules;
  private final JdbcGovernanceRepository repository;
  private final MembershipIndex index;

  SimilarTags(
      TaxonomyService taxonomy,
      RuleService rules,
      JdbcGovernanceRepository repository,
      MembershipIndex index) {
    this.taxonomy = taxonomy;
    this.rules = rules;
    this.repository = repository;
    this.index = index;
  }

  /** Pairs with similar names, most similar first. */
  @Transactional(readOnly = true)
  public List<SimilarPair> byName() {
    List<TagDefinition> tags = live();
    List<SimilarPair> out = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      for (int j = i + 1; j < tags.size(); j++) {
        SimilarPair pair = names(tags.get(i), tags.get(j));
        if (pair != null) {
          out.add(pair);
        }
      }
    }
    return sorted(out);
  }

  static SimilarPair names(TagDefinition a, TagDefinition b) {
    SimilarPair best = null;
    String zhA = a.nameZh().strip();
    String zhB = b.nameZh().strip();
    if (zhA.length() >= 3 && zhB.length() >= 3) {
      double s = NameDistance.similarity(zhA, zhB);
      if (s >= CHINESE_NAMES) {
        best =
            better(
                best,
                pair(
                    a,
                    b,
                    s,
                    "Chinese names "
                        + zhA
                        + " / "
                        + zhB
                        + ": edit distance "
                        + NameDistance.distance(zhA, zhB)
                        + " of "
                        + Math.max(zhA.length(), zhB.length())
                        + " characters"));
      }
    }
    String pyA = Pinyin.of(zhA);
    String pyB = Pinyin.of(zhB);
    if (pyA.length() >= 6 && pyB.length() >= 6) {
      double s = NameDistance.similarity(pyA, pyB);
      if (s >= LATIN_NAMES) {
        best = better(best, pair(a, b, s, "pinyin " + pyA + " / " + pyB));
      }
    }
    best = better(best, codeInPinyin(a, b, pyB));
    best = better(best, codeInPinyin(b, a, pyA));
    String enA = latin(a.nameEn());
    String enB = latin(b.nameEn());
    if (enA.length() >= 4 && enB.length() >= 4) {
      double s = NameDistance.similarity(enA, enB);
      if (s >= LATIN_NAMES) {
        best = better(best, pair(a, b, s, "English names " + a.nameEn() + " / " + b.nameEn()));
      }
    }
    return best;
  }

  /**
   * {@code a}'s code (or a part of it between underscores, or its English name) spelled in pinyin
   * is {@code b}'s Chinese name, or its start.
   */
  private static SimilarPair codeInPinyin(TagDefinition a, TagDefinition b, String pinyinB) {
    SimilarPair best = null;
    List<String> spellings = new ArrayList<>(List.of(latin(a.code()), latin(a.nameEn())));
    for (String part : a.code().split("_")) {
      spellings.add(latin(part));
    }
    for (String spelled : spellings) {
      if (spelled.length() < 6 || pinyinB.length() < 6) {
        continue;
      }
      double s =
          pinyinB.startsWith(spelled) || spelled.startsWith(pinyinB)
              ? (double) Math.min(spelled.length(), pinyinB.length())
                  / Math.max(spelled.length(), pinyinB.length())
              : NameDistance.similarity(spelled, pinyinB);
      if (pinyinB.startsWith(spelled) || s >= LATIN_NAMES) {
        best =
            better(
                best,
                pair(
                    a,
                    b,
                    Math.max(s, LATIN_NAMES),
                    "'"
                        + spelled
                        + "' reads as the pinyin of "
                        + b.nameZh()
                        + " ("
                        + pinyinB
                        + ")"));
      }
    }
    return best;
  }

  /** Rule tags whose rules are the same once checked and normalised; one pair per two tags. */
  @Transactional(readOnly = true)
  public List<SimilarPair> byDefinition() {
    Map<String, TagDefinition> live = new HashMap<>();
    live().forEach(t -> live.put(t.code(), t));
    Map<String, List<String>> byCanonical = new HashMap<>();
    for (StoredRule rule : repository.rules()) {
      if (!"FLAG".equals(rule.program()) || !live.containsKey(rule.tagCode())) {
        continue;
      }
      try {
        String canonical = RuleNormalizer.canonical(rules.check(rule.definition()).rule());
        byCanonical.computeIfAbsent(canonical, k -> new ArrayList<>()).add(rule.tagCode());
      } catch (RuntimeException broken) {
        // A rule that no longer checks has no meaning to compare; it shows up as RULE_FAILED.
      }
    }
    List<SimilarPair> out = new ArrayList<>();
    byCanonical.forEach(
        (canonical, codes) -> {
          codes.sort(null);
          for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
              out.add(
                  new SimilarPair(
                      codes.get(i),
                      codes.get(j),
                      "DEFINITION",
                      1,
                      "Both rules read: " + canonical,
                      null));
            }
          }
        });
    return sorted(out);
  }

  /**
   * Pairs whose members overlap: Jaccard index at least {@code jaccard}, or at least {@code
   * containment} of the smaller tag's members inside the larger one. Tags without members are left
   * out.
   */
  public List<SimilarPair> byMembers(double jaccard, double containment) {
    List<String> codes =
        live().stream().map(TagDefinition::code).filter(c -> index.count(c) > 0).toList();
    return sorted(
        index.withIndex(
            (dictionary, tagIndex) -> {
              List<TagBitmap> bitmaps = codes.stream().map(tagIndex::bitmap).toList();
              List<SimilarPair> out = new ArrayList<>();
              for (int i = 0; i < codes.size(); i++) {
                for (int j = i + 1; j < codes.size(); j++) {
                  SimilarPair pair =
                      overlap(
                          codes.get(i),
                          bitmaps.get(i),
                          codes.get(j),
                          bitmaps.get(j),
                          jaccard,
                          containment);
                  if (pair != null) {
                    out.add(pair);
                  }
                }
              }
              return out;
            }));
  }

  static SimilarPair overlap(
      String a, TagBitmap bitsA, String b, TagBitmap bitsB, double jaccard, double containment) {
    long sizeA = bitsA.cardinality();
    long sizeB = bitsB.cardinality();
    long both = bitsA.andCardinality(bitsB);
    long either = sizeA + sizeB - both;
    double j = either == 0 ? 0 : (double) both / either;
    boolean aSmaller = sizeA <= sizeB;
    long smaller = Math.min(sizeA, sizeB);
    double inside = smaller == 0 ? 0 : (double) both / smaller;
    String evidence =
        String.format(
            Locale.ROOT,
            "%s has %d members, %s has %d, %d in both: Jaccard %.3f, %.1f%% of %s inside %s",
            a,
            sizeA,
            b,
            sizeB,
            both,
            j,
            inside * 100,
            aSmaller ? a : b,
            aSmaller ? b : a);
    if (j >= jaccard) {
      return new SimilarPair(a, b, "MEMBERS", j, evidence, null);
    }
    if (inside >= containment) {
      return new SimilarPair(a, b, "MEMBERS", j, evidence, aSmaller ? a : b);
    }
    return null;
  }

  private List<TagDefinition> live() {
    return taxonomy.tags().stream()
        .filter(t -> t.status() != TagStatus.ARCHIVED)
        .sorted(Comparator.comparing(TagDefinition::code))
        .toList();
  }

  private static String latin(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static SimilarPair pair(TagDefinition a, TagDefinition b, double score, String evidence) {
    return new SimilarPair(a.code(), b.code(), "NAME", score, evidence, null);
  }

  private static SimilarPair better(SimilarPair best, SimilarPair candidate) {
    return candidate == null || (best != null && best.score() >= candidate.score())
        ? best
        : candidate;
  }

  private static List<SimilarPair> sorted(List<SimilarPair> pairs) {
    List<SimilarPair> out = new ArrayList<>(pairs);
    out.sort(
        Comparator.comparingDouble(SimilarPair::score)
            .reversed()
            .thenComparing(SimilarPair::a)
            .thenComparing(SimilarPair::b));
    return out;
  }
}
