package io.tagbase.engine.rule;

/**
 * One customer event's properties, for the per-customer evaluation (bitmap passes read the log's
 * columns).
 */
interface EventView {
  /** The property as a number (booleans 1/0), NaN when missing or not a number. */
  double number(String property);

  /** The property as a string, null when missing or not a string. */
  String string(String property);

  static EventView of(CustomerEvent event) {
    return new EventView() {
      @Override
      public double number(String property) {
        Object v = event.properties().get(property);
        return v instanceof Number n
            ? n.doubleValue()
            : v instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
      }

      @Override
      public String string(String property) {
        return event.properties().get(property) instanceof String s ? s : null;
      }
    };
  }
}
