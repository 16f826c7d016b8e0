package io.tagbase.ingest;

import java.util.List;

/**
 * The first rows of a file as they would be imported, each with its error; nothing is written.
 *
 * @param fields the mapped target fields, in display order
 */
public record ImportPreview(List<String> fields, List<ImportedRow> rows, int valid, int invalid) {}
