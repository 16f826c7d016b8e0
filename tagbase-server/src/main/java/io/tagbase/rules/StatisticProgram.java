package io.tagbase.rules;

import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.rule.Measures;
import io.tagbase.engine.rule.Operand;
import io.tagbase.engine.rule.RuleData;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statistical tag: one number per customer (one pass over the measure's events, or a read of a
 * number field), optionally bucketed into named ranges, first match wins.
 */
final class StatisticProgram implements TemplateProgram {
  private final String tag;
  private final Operand measure;
  private final Set<String> events;
  private final boolean timeRelative;
  private final List<TagTemplate.Range> ranges;

  StatisticProgram(
      String tag,
      Operand measure,
      Set<String> events,
      boolean timeRelative,
      List<TagTemplate.Range> ranges) {
    this.tag = tag;
    this.measure = measure;
    this.events = Set.copyOf(events);
    this.timeRelative = timeRelative;
    this.ranges = List.copyOf(ranges);
  }

  @Override
  public Set<String> tags() {
    return Set.of();
  }

  @Override
  public Set<String> events() {
    return events;
  }

  @Override
  public boolean timeRelative() {
    return timeRelative;
  }

  @Override
  public List<String> writes() {
    return List.of(tag);
  }

  @Override
  public Result evaluate(RuleData data, LocalDate asOf) {
    int capacity = data.customers().capacity();
    TagBitmap live = data.customers().live();
    double[] numbers = Measures.number(measure, data, asOf);
    Map<String, TagBitmap> byValue = new LinkedHashMap<>();
    long counted = 0;
    double sum = 0;
    for (int id = 0; id < capacity; id++) {
      double n = numbers[id];
      if (Double.isNaN(n) || !live.contains(id)) {
        numbers[id] = Double.NaN;
        continue;
      }
      counted++;
      sum += n;
      String value = ranges.isEmpty() ? null : range(n);
      if (value != null || ranges.isEmpty()) {
        byValue.computeIfAbsent(value, v -> TagBitmap.empty()).add(id);
      }
    }
    Map<String, TagBitmap> optimized = new HashMap<>();
    byValue.forEach((v, bits) -> optimized.put(v, TagBitmap.optimized(bits, capacity)));
    String summary =
        "statistic as of "
            + asOf
            + ": "
            + counted
            + " customers with a number"
            + (counted == 0 ? "" : String.format(", mean %.2f", sum / counted));
    Map<String, Map<String, TagBitmap>> members = new HashMap<>();
    members.put(tag, optimized);
    return new Result(members, summary, numbers);
  }

  /** The value of the first range holding {@code n}, or null. */
  String range(double n) {
    for (TagTemplate.Range range : ranges) {
      if ((range.from() == null || n >= range.from()) && (range.to() == null || n < range.to())) {
        return range.value();
      }
    }
    return null;
  }
}
