package io.tagbase.rules;

import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.rule.Measures;
import io.tagbase.engine.rule.Operand;
import io.tagbase.engine.rule.RuleData;
import io.tagbase.engine.rule.ScorePredicate;
import io.tagbase.engine.score.Rfm;
import io.tagbase.engine.score.Scoring;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFM value tiers: recency, frequency and monetary per customer from one pass each over the
 * qualifying events, scored 1..k, and the tier from a first-match list over the scores, looked up
 * in a table of every (r, f, m) combination (at most 9^3), so the per-customer cost is an array
 * read. Customers without a qualifying event (and erased ids) are not scored.
 */
final class RfmProgram implements TemplateProgram {
  record Segment(String value, ScorePredicate condition) {}

  private final String tag;
  private final String event;
  private final Operand.Aggregate recency;
  private final Operand.Aggregate frequency;
  private final Operand.Aggregate monetary;
  private final int bands;
  private final Scoring[] scorings;
  private final List<Segment> segments;
  private final String elseValue;
  private final String[] scoreTags;

  RfmProgram(
      String tag,
      String event,
      List<Operand.Aggregate> measures,
      int bands,
      List<Scoring> scorings,
      List<Segment> segments,
      String elseValue,
      List<String> scoreTags) {
    this.tag = tag;
    this.event = event;
    this.recency = measures.get(0);
    this.frequency = measures.get(1);
    this.monetary = measures.get(2);
    this.bands = bands;
    this.scorings = scorings.toArray(Scoring[]::new);
    this.segments = List.copyOf(segments);
    this.elseValue = elseValue;
    this.scoreTags = scoreTags.toArray(String[]::new);
  }

  /** The value code of score {@code s} in a score tag. */
  static String scoreValue(int s) {
    return "s" + s;
  }

  @Override
  public Set<String> tags() {
    return Set.of();
  }

  @Override
  public Set<String> events() {
    return Set.of(event);
  }

  @Override
  public boolean timeRelative() {
    return true;
  }

  @Override
  public List<String> writes() {
    List<String> writes = new ArrayList<>();
    writes.add(tag);
    for (String scoreTag : scoreTags) {
      if (scoreTag != null) {
        writes.add(scoreTag);
      }
    }
    return writes;
  }

  @Override
  public Result evaluate(RuleData data, LocalDate asOf) {
    int capacity = data.customers().capacity();
    List<double[]> measures =
        Measures.computeAll(List.of(recency, frequency, monetary), data, asOf);
    Rfm.Scores scores =
        Rfm.score(
            measures.get(0),
            measures.get(1),
            measures.get(2),
            data.customers().live(),
            scorings[0],
            scorings[1],
            scorings[2]);
    Rfm.TierTable table = tierTable();
    int[] tiers = Rfm.tierIndexes(scores, table);
    TagBitmap[] tierBits = new TagBitmap[table.names().size()];
    TagBitmap[][] scoreBits = new TagBitmap[3][bands + 1];
    int[][] all = {scores.r(), scores.f(), scores.m()};
    for (int id = 0; id < capacity; id++) {
      if (scores.r()[id] == 0) {
        continue;
      }
      if (tiers[id] >= 0) {
        if (tierBits[tiers[id]] == null) {
          tierBits[tiers[id]] = TagBitmap.empty();
        }
        tierBits[tiers[id]].add(id);
      }
      for (int i = 0; i < 3; i++) {
        int s = all[i][id];
        if (scoreBits[i][s] == null) {
          scoreBits[i][s] = TagBitmap.empty();
        }
        scoreBits[i][s].add(id);
      }
    }
    Map<String, TagBitmap> byTier = new LinkedHashMap<>();
    for (int t = 0; t < tierBits.length; t++) {
      if (tierBits[t] != null) {
        byTier.put(table.names().get(t), tierBits[t]);
      }
    }
    List<Map<String, TagBitmap>> scoreMembers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, TagBitmap> byScore = new LinkedHashMap<>();
      for (int sc = 1; sc <= bands; sc++) {
        if (scoreBits[i][sc] != null) {
          byScore.put(scoreValue(sc), scoreBits[i][sc]);
        }
      }
      scoreMembers.add(byScore);
    }
    Map<String, Map<String, TagBitmap>> members = new LinkedHashMap<>();
    members.put(tag, optimized(byTier, capacity));
    for (int i = 0; i < 3; i++) {
      if (scoreTags[i] != null) {
        members.put(scoreTags[i], optimized(scoreMembers.get(i), capacity));
      }
    }
    String summary =
        "RFM as of "
            + asOf
            + ": "
            + scores.scored()
            + " customers scored; cut points R "
            + format(scores.cuts()[0])
            + ", F "
            + format(scores.cuts()[1])
            + ", M "
            + format(scores.cuts()[2]);
    return new Result(members, summary);
  }

  /** The tier of every (r, f, m): the first segment whose condition holds, else the else value. */
  private Rfm.TierTable tierTable() {
    return Rfm.TierTable.of(
        bands,
        (r, f, m) -> {
          Map<String, Double> numbers =
              Map.of(
                  "r", (double) r, "f", (double) f, "m", (double) m, "total", (double) r + f + m);
          for (Segment segment : segments) {
            if (segment.condition().test(numbers)) {
              return segment.value();
            }
          }
          return elseValue;
        });
  }

  private static Map<String, TagBitmap> optimized(Map<String, TagBitmap> byValue, int capacity) {
    byValue.replaceAll((v, bits) -> TagBitmap.optimized(bits, capacity));
    return byValue;
  }

  private static String format(double[] cuts) {
    return cuts.length == 0
        ? "(by rank)"
        : Arrays.stream(cuts)
            .mapToObj(c -> c == Math.rint(c) ? String.valueOf((long) c) : String.format("%.2f", c))
            .toList()
            .toString();
  }
}
