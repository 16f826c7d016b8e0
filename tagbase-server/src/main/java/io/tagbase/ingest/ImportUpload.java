package io.tagbase.ingest;

import java.util.List;

/**
 * What an upload answers: the stored import, the file's columns and first rows, a suggested mapping
 * from the column names, and the saved templates of its kind.
 */
public record ImportUpload(
    ImportRun run,
    List<String> columns,
    List<List<String>> sample,
    ImportMapping suggested,
    List<String> templates) {}
