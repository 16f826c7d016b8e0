package io.tagbase.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chart's numbers as a table: named columns and one row per bar, cell or link, with the facts
 * that frame them (population, dates). The same figure is answered as JSON by the API, drawn by the
 * console and downloaded as CSV, so the three never disagree.
 *
 * @param name what the figure is, e.g. {@code crosstab}; also the CSV file's name
 * @param facts single values that hold for the whole table, in insertion order
 * @param columns the row keys, in order
 * @param rows one map per row, keyed by {@code columns}
 */
public record Figure(
    String name, Map<String, Object> facts, List<String> columns, List<Map<String, Object>> rows) {

  static Figure of(String name, String... columns) {
    return new Figure(name, new LinkedHashMap<>(), List.of(columns), new ArrayList<>());
  }

  Figure fact(String key, Object value) {
    facts.put(key, value);
    return this;
  }

  /** Appends a row; {@code values} in the order of {@link #columns}. */
  Figure row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "row " + Arrays.toString(values) + " does not match columns " + columns);
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      row.put(columns.get(i), values[i]);
    }
    rows.add(row);
    return this;
  }

  /** A share rounded to 4 decimals; 0 when the whole is empty. */
  static double share(long part, long whole) {
    return whole == 0 ? 0 : Math.round((double) part / whole * 10_000) / 10_000.0;
  }
}
