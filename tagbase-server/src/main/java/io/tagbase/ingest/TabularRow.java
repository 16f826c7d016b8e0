package io.tagbase.ingest;

import java.util.List;

/**
 * One row of a CSV or Excel file: its 1-based line (or sheet row) number and its cells, trimmed.
 */
public record TabularRow(int line, List<String> cells) {

  /** The cell at {@code index}, or null when the row is shorter or the cell is empty. */
  public String cell(int index) {
    if (index < 0 || index >= cells.size()) {
      return null;
    }
    String value = cells.get(index);
    return value == null || value.isEmpty() ? null : value;
  }

  public boolean blank() {
    return cells.stream().allMatch(c -> c == null || c.isBlank());
  }
}
