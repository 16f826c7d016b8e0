package io.tagbase.job;

import java.util.List;

/** A job's rejected rows as CSV (UTF-8 with a BOM, so Excel opens Chinese text correctly). */
public final class JobReport {
  private JobReport() {}

  public static String csv(List<RowError> errors) {
    StringBuilder sb = new StringBuilder("\uFEFFrow,item,reason\n");
    for (RowError e : errors) {
      sb.append(e.row()).append(',').append(quote(e.item())).append(',').append(quote(e.reason()));
      sb.append('\n');
    }
    return sb.toString();
  }

  static String quote(String value) {
    if (value == null) {
      return "";
    }
    String safe = value;
    // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
    if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
