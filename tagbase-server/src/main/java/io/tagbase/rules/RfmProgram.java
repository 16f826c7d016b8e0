package io.tagbase.rules;

import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.rule.Measures;
import io.tagbase.engine.rule.Operand;
import io.tagbase.engine.rule.RuleData;
import io.tagbase.engine.rule.ScorePredicate;
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
    TagBitmap live = data.customers().live();
    double[][] values = {
      Measures.compute(recency, data, asOf),
      Measures.compute(frequency, data, asOf),
      Measures.compute(monetary, data, asOf)
    };
    for (int id = 0; id < capacity; id++) {
      if (Double.isNaN(values[0][id]) || !live.contains(id)) {
        values[0][id] = Double.NaN;
        values[1][id] = Double.NaN;
        values[2][id] = Double.NaN;
      }
    }
    int[][] scores = new int[3][];
    double[][] cuts = new double[3][];
    for (int i = 0; i < 3; i++) {
      scores[i] = scorings[i].score(values[i]);
      cuts[i] = scorings[i].cuts(values[i]);
    }
    String[] tierTable = tierTable();
    Map<String, TagBitmap> tiers = new LinkedHashMap<>();
    List<Map<String, TagBitmap>> scoreMembers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      scoreMembers.add(new LinkedHashMap<>());
    }
    long scored = 0;
    for (int id = 0; id < capacity; id++) {
      int r = scores[0][id];
      if (r == 0) {
        continue;
      }
      scored++;
      int f = scores[1][id];
      int m = scores[2][id];
      String tier = tierTable[index(r, f, m)];
      if (tier != null) {
        tiers.computeIfAbsent(tier, v -> TagBitmap.empty()).add(id);
      }
      int[] rfm = {r, f, m};
      for (int i = 0; i < 3; i++) {
        scoreMembers.get(i).computeIfAbsent(scoreValue(rfm[i]), v -> TagBitmap.empty()).add(id);
      }
    }
    Map<String, Map<String, TagBitmap>> members = new LinkedHashMap<>();
    members.put(tag, optimized(tiers, capacity));
    for (int i = 0; i < 3; i++) {
      if (scoreTags[i] != null) {
        members.put(scoreTags[i], optimized(scoreMembers.get(i), capacity));
      }
    }
    String summary =
        "RFM as of "
            + asOf
            + ": "
            + scored
            + " customers scored; cut points R "
            + format(cuts[0])
            + ", F "
            + format(cuts[1])
            + ", M "
            + format(cuts[2]);
    return new Result(members, summary);
  }

  private int index(int r, int f, int m) {
    return ((r - 1) * bands + (f - 1)) * bands + (m - 1);
  }

  /** The tier of every (r, f, m): the first segment whose condition holds, else the else value. */
  private String[] tierTable() {
    String[] table = new String[bands * bands * bands];
    for (int r = 1; r <= bands; r++) {
      for (int f = 1; f <= bands; f++) {
        for (int m = 1; m <= bands; m++) {
          Map<String, Double> numbers =
              Map.of(
                  "r", (double) r, "f", (double) f, "m", (double) m, "total", (double) r + f + m);
          String tier = elseValue;
          for (Segment segment : segments) {
            if (segment.condition().test(numbers)) {
              tier = segment.value();
              break;
            }
          }
          table[index(r, f, m)] = tier;
        }
      }
    }
    return table;
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
