package io.tagbase.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * An uploaded file and its import.
 *
 * @param format how the file is read: "xlsx" or "csv;charset;delimiter"
 * @param totalRows data rows (the header not counted)
 * @param committedLine every row up to this line of the file is committed (or was refused)
 * @param committedRows rows stored so far
 * @param jobId the job of the latest run; null before the first
 */
public record ImportRun(
    long id,
    ImportKind kind,
    String fileName,
    @JsonIgnore String filePath,
    String sha256,
    String format,
    int totalRows,
    ImportStatus status,
    @JsonIgnore String mapping,
    boolean allOrNothing,
    Long jobId,
    int committedLine,
    int committedRows,
    String message,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  /** What a run of this file's rows is recognised by in message ids. */
  String fileKey() {
    return sha256.substring(0, 32);
  }

  ImportTable.Format tableFormat() {
    if (format.equals("xlsx")) {
      return new ImportTable.Format(true, null, ',');
    }
    String[] parts = format.split(";", 3);
    return new ImportTable.Format(false, parts[1], parts[2].charAt(0));
  }

  static String format(ImportTable.Format f) {
    return f.excel() ? "xlsx" : "csv;" + f.charset() + ";" + f.delimiter();
  }
}
