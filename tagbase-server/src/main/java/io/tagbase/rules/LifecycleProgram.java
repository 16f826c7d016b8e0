package io.tagbase.rules;

import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.rule.Measures;
import io.tagbase.engine.rule.Rule;
import io.tagbase.engine.rule.RuleData;
import io.tagbase.engine.score.Lifecycle;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle stages from the first, last and previous qualifying event days of every customer (one
 * pass over the event type's rows). Stage changes reach the tag history as value moves.
 */
final class LifecycleProgram implements TemplateProgram {
  private final String tag;
  private final Rule.Did orders;
  private final Lifecycle lifecycle;

  LifecycleProgram(String tag, Rule.Did orders, Lifecycle lifecycle) {
    this.tag = tag;
    this.orders = orders;
    this.lifecycle = lifecycle;
  }

  static String value(Lifecycle.Stage stage) {
    return stage.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Set<String> tags() {
    return Set.of();
  }

  @Override
  public Set<String> events() {
    return Set.of(orders.event());
  }

  @Override
  public boolean timeRelative() {
    return true;
  }

  @Override
  public List<String> writes() {
    return List.of(tag);
  }

  @Override
  public Result evaluate(RuleData data, LocalDate asOf) {
    int today = (int) asOf.toEpochDay();
    int capacity = data.customers().capacity();
    TagBitmap live = data.customers().live();
    Measures.EventDays days = Measures.days(orders, data, asOf);
    Map<String, TagBitmap> stages = new LinkedHashMap<>();
    for (Lifecycle.Stage stage : Lifecycle.Stage.values()) {
      stages.put(value(stage), TagBitmap.empty());
    }
    for (int id = 0; id < capacity; id++) {
      Lifecycle.Stage stage =
          lifecycle.stage(days.first()[id], days.last()[id], days.previous()[id], today);
      if (stage != null && live.contains(id)) {
        stages.get(value(stage)).add(id);
      }
    }
    StringBuilder summary = new StringBuilder("lifecycle as of " + asOf + ":");
    stages.forEach(
        (v, bits) -> summary.append(' ').append(v).append(' ').append(bits.cardinality()));
    stages.replaceAll((v, bits) -> TagBitmap.optimized(bits, capacity));
    return new Result(Map.of(tag, stages), summary.toString());
  }
}
