package io.tagbase.ingest;

import io.tagbase.customer.AttributeDefinition;
import io.tagbase.web.InvalidInputException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping compiled against a file's header: turns each row into a customer or an event, or the
 * reason it cannot be one. Compiling checks the mapping (400 naming the field at fault), so a run
 * never starts with a mapping that cannot work. Not thread-safe (it remembers the last time
 * parsed): one per pass.
 */
abstract class ImportRows {
  static final int MAX_ID = 200;

  final Map<String, ImportCell> cells;
  final DateTimeFormatter format;
  final ZoneId zone;

  ImportRows(Map<String, ImportCell> cells, DateTimeFormatter format, ZoneId zone) {
    this.cells = cells;
    this.format = format;
    this.zone = zone;
  }

  /**
   * @param fileKey identifies the file's content; with the line number it makes each event's
   *     message id, so importing the same file again adds nothing
   */
  static ImportRows compile(
      ImportMapping mapping,
      List<String> header,
      List<AttributeDefinition> fields,
      ZoneId zone,
      String fileKey) {
    if (mapping == null || mapping.kind() == null) {
      throw new InvalidInputException(
          "mapping.kind", "The mapping needs a kind: customers or events.");
    }
    Map<String, ImportCell> cells = new LinkedHashMap<>();
    for (var entry : mapping.fields().entrySet()) {
      if (entry.getValue() != null && !entry.getValue().blank()) {
        String field = "mapping.fields." + entry.getKey();
        cells.put(entry.getKey(), ImportCell.compile(entry.getValue(), header, field));
      }
    }
    DateTimeFormatter format = null;
    if (mapping.dateFormat() != null && !mapping.dateFormat().isBlank()) {
      try {
        format = ImportValues.pattern(mapping.dateFormat().trim());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("mapping.dateFormat", e.getMessage() + ".");
      }
    }
    return mapping.kind() == ImportKind.CUSTOMERS
        ? new ImportCustomerRows(cells, format, zone, fields)
        : new ImportEventRows(cells, format, zone, mapping, header, fileKey);
  }

  /** The row as a customer or an event, with the values shown in a preview, or its error. */
  abstract ImportedRow convert(TabularRow row);

  /** The cell's text, or null when the field is not mapped or the cell is empty. */
  String text(String target, TabularRow row) {
    ImportCell cell = cells.get(target);
    return cell == null ? null : cell.text(row);
  }

  static String checkLength(String value, int max, String target) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(target + " is longer than " + max + " characters");
    }
    return value;
  }
}
