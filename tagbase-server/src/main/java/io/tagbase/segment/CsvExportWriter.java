package io.tagbase.segment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV in UTF-8 with a BOM (so Excel shows Chinese correctly), RFC 4180 quoting, and cells that a
 * spreadsheet would run as formulas (=, +, -, @ first) prefixed with an apostrophe.
 */
final class CsvExportWriter implements ExportWriter {
  private final BufferedWriter out;

  CsvExportWriter(OutputStream stream) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    out.write('\uFEFF');
  }

  @Override
  public void header(List<String> columns) throws IOException {
    row(columns);
  }

  @Override
  public void row(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write("\r\n");
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  static String quote(String cell) {
    if (cell == null) {
      return "";
    }
    String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    boolean needsQuotes =
        safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
    return needsQuotes ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
