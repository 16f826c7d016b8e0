package io.tagbase.engine.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers' events, column by column: customer id, event type, epoch day, and each property as a
 * number column (numbers; booleans as 1/0) or a dictionary-encoded string column. Aggregates read
 * it as of any day, so a rule evaluated as of a past day sees only the events up to that day.
 *
 * <p>Cost: {@link #append} is amortized O(properties of the log); {@link #rows} is O(1) and keeps
 * one int per event per type. Memory: 12 bytes per event plus 8 bytes (number) or 4 bytes (string)
 * per event per property name ever seen, whether or not the event has it.
 *
 * <p>Not thread-safe for writers; concurrent readers are safe when no thread writes.
 */
public final class EventLog {
  private int size;
  private int[] customers = new int[16];
  private int[] types = new int[16];
  private int[] days = new int[16];
  private final Map<String, Integer> typeCodes = new HashMap<>();
  private final List<String> typeNames = new ArrayList<>();
  private final List<int[]> rowsByType = new ArrayList<>();
  private final List<Integer> rowCounts = new ArrayList<>();
  private final Map<String, double[]> numbers = new HashMap<>();
  private final Map<String, int[]> strings = new HashMap<>(); // code + 1; 0 is missing
  private final Map<String, Integer> stringCodes = new HashMap<>();
  private final List<String> stringValues = new ArrayList<>();

  /** Logs an event; properties are String, Number or Boolean (others are refused). */
  public void append(int customer, String type, int epochDay, Map<String, ?> properties) {
    if (size == customers.length) {
      grow();
    }
    int row = size++;
    customers[row] = customer;
    days[row] = epochDay;
    int code = typeCodes.computeIfAbsent(type, t -> rowsByType.size());
    if (code == rowsByType.size()) {
      typeNames.add(type);
      rowsByType.add(new int[4]);
      rowCounts.add(0);
    }
    types[row] = code;
    int count = rowCounts.get(code);
    int[] rows = rowsByType.get(code);
    if (count == rows.length) {
      rows = Arrays.copyOf(rows, rows.length * 2);
      rowsByType.set(code, rows);
    }
    rows[count] = row;
    rowCounts.set(code, count + 1);
    properties.forEach((name, value) -> put(name, row, value));
  }

  private void put(String name, int row, Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      double d = value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
      numbers.computeIfAbsent(name, n -> nanColumn(customers.length))[row] = d;
    } else if (value instanceof String s) {
      int code = stringCodes.computeIfAbsent(s, v -> stringValues.size());
      if (code == stringValues.size()) {
        stringValues.add(s);
      }
      strings.computeIfAbsent(name, n -> new int[customers.length])[row] = code + 1;
    } else if (value != null) {
      throw new IllegalArgumentException(
          "property " + name + " must be a String, Number or Boolean");
    }
  }

  private void grow() {
    int capacity = customers.length * 2;
    customers = Arrays.copyOf(customers, capacity);
    types = Arrays.copyOf(types, capacity);
    days = Arrays.copyOf(days, capacity);
    numbers.replaceAll(
        (name, column) -> {
          double[] grown = nanColumn(capacity);
          System.arraycopy(column, 0, grown, 0, column.length);
          return grown;
        });
    strings.replaceAll((name, column) -> Arrays.copyOf(column, capacity));
  }

  private static double[] nanColumn(int capacity) {
    double[] column = new double[capacity];
    Arrays.fill(column, Double.NaN);
    return column;
  }

  public int size() {
    return size;
  }

  /**
   * The events of {@code type} as one run over the log's rows, without a copy: valid until the next
   * {@link #append}.
   */
  EventRun run(String type) {
    Integer code = typeCodes.get(type);
    int[] rows = code == null ? new int[0] : rowsByType.get(code);
    int count = code == null ? 0 : rowCounts.get(code);
    return new EventRun() {
      @Override
      public int size() {
        return count;
      }

      @Override
      public int row(int i) {
        return rows[i];
      }

      @Override
      public int customer(int row) {
        return customers[row];
      }

      @Override
      public int day(int row) {
        return days[row];
      }

      @Override
      public double[] numbers(String property) {
        return numbers.get(property);
      }

      @Override
      public int[] texts(String property) {
        return strings.get(property);
      }

      @Override
      public int textCount(String property) {
        return stringValues.size();
      }

      @Override
      public String text(String property, int code) {
        return stringValues.get(code);
      }
    };
  }

  public int customer(int row) {
    return customers[row];
  }

  public int epochDay(int row) {
    return days[row];
  }

  public String type(int row) {
    return typeNames.get(types[row]);
  }

  /** The numeric property at {@code row}, NaN when missing (or held as a string). */
  public double number(String property, int row) {
    double[] column = numbers.get(property);
    return column == null ? Double.NaN : column[row];
  }

  /** The string property at {@code row}, null when missing (or held as a number). */
  public String string(String property, int row) {
    int[] column = strings.get(property);
    return column == null || column[row] == 0 ? null : stringValues.get(column[row] - 1);
  }

  /** The event at {@code row} as the per-customer evaluation reads it. */
  public CustomerEvent event(int row) {
    Map<String, Object> properties = new HashMap<>();
    numbers.forEach(
        (name, column) -> {
          if (!Double.isNaN(column[row])) {
            properties.put(name, column[row]);
          }
        });
    strings.forEach(
        (name, column) -> {
          if (column[row] != 0) {
            properties.put(name, stringValues.get(column[row] - 1));
          }
        });
    return new CustomerEvent(type(row), days[row], properties);
  }
}
