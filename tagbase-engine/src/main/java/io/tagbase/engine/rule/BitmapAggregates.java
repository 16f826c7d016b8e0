package io.tagbase.engine.rule;

/** An aggregate for every customer at once, from one pass over its event type's rows. */
final class BitmapAggregates {
  private final RuleData data;
  private final int today;

  BitmapAggregates(RuleData data, int today) {
    this.data = data;
    this.today = today;
  }

  /** The aggregate per customer id (NaN: missing), for ids below the dictionary's capacity. */
  double[] compute(CompiledAggregate agg) {
    int capacity = data.customers().capacity();
    Accumulator[] accs = new Accumulator[capacity];
    EventLog log = data.events();
    EventView.Row cursor = new EventView.Row(log);
    for (int row : log.rows(agg.event)) {
      int customer = log.customer(row);
      int day = log.epochDay(row);
      cursor.row = row;
      if (customer < capacity && agg.accepts(day, cursor)) {
        if (accs[customer] == null) {
          accs[customer] = new Accumulator();
        }
        agg.add(accs[customer], day, cursor);
      }
    }
    double none = Accumulator.empty(agg.fn, today);
    double[] values = new double[capacity];
    for (int id = 0; id < capacity; id++) {
      values[id] = accs[id] == null ? none : accs[id].result(agg.fn, today);
    }
    return values;
  }
}
