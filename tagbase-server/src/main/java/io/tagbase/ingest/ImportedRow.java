package io.tagbase.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * One row of a file as it would be imported.
 *
 * @param line the row's line in the file (1-based, the header is line 1)
 * @param values target field -> value as it will be stored, for the preview
 * @param record the {@link io.tagbase.customer.NewCustomer} or {@link IncomingEvent}; null when the
 *     row is refused
 * @param error why the row is refused; null when it is fine
 */
public record ImportedRow(
    int line, Map<String, String> values, @JsonIgnore Object record, String error) {

  /** A refused row; when nothing could be read from it, its raw cells stand for it. */
  static ImportedRow refused(TabularRow row, Map<String, String> values, String error) {
    Map<String, String> shown = values;
    if (values.isEmpty()) {
      String raw = String.join(",", row.cells());
      shown = Map.of("row", raw.length() > 120 ? raw.substring(0, 120) : raw);
    }
    return new ImportedRow(row.line(), shown, null, error);
  }

  public boolean valid() {
    return error == null;
  }
}
