package io.tagbase.analytics;

import java.util.List;
import java.util.Map;

/**
 * A {@link Figure} as CSV: UTF-8 with a BOM (so Excel shows Chinese), a header row of column names,
 * RFC 4180 quoting, and text cells a spreadsheet would run as formulas (=, +, -, @ first) prefixed
 * with an apostrophe. Numbers are written as they are.
 */
final class FigureCsv {
  private FigureCsv() {}

  static String write(Figure figure) {
    StringBuilder out = new StringBuilder("\uFEFF");
    line(out, figure.columns().stream().map(c -> (Object) c).toList());
    for (Map<String, Object> row : figure.rows()) {
      line(out, figure.columns().stream().map(row::get).toList());
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
