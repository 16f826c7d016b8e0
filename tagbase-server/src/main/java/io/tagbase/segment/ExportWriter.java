package io.tagbase.segment;

import java.io.IOException;
import java.util.List;

/** Writes rows of text cells to an export file. */
interface ExportWriter {
  void header(List<String> columns) throws IOException;

  void row(List<String> cells) throws IOException;

  void finish() throws IOException;
}
