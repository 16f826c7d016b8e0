package io.tagbase.engine.rule;

/** One event's properties, read from the columnar log or from a {@link CustomerEvent}. */
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

  /** A cursor over the log's rows: set {@link Row#row} and read. */
  final class Row implements EventView {
    private final EventLog log;
    int row;

    Row(EventLog log) {
      this.log = log;
    }

    // the last few number columns read, by name identity: a pass over one event type reads the
    // same two or three properties on every row
    private final String[] names = new String[4];
    private final double[][] columns = new double[4][];
    private int next;

    @Override
    public double number(String property) {
      for (int i = 0; i < names.length; i++) {
        if (names[i] == property) {
          double[] column = columns[i];
          return column == null ? Double.NaN : column[row];
        }
      }
      double[] column = log.numberColumn(property);
      names[next] = property;
      columns[next] = column;
      next = (next + 1) % names.length;
      return column == null ? Double.NaN : column[row];
    }

    @Override
    public String string(String property) {
      return log.string(property, row);
    }
  }
}
