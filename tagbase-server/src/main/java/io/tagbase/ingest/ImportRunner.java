package io.tagbase.ingest;

import io.tagbase.customer.AttributeSchema;
import io.tagbase.job.JobOutcome;
import io.tagbase.job.JobStatus;
import io.tagbase.job.JobWork;
import io.tagbase.job.RowError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The work of an import job. All-or-nothing runs first check every row and apply nothing if one is
 * bad; then rows are committed in chunks, each with the checkpoint, skipping rows a resumed run had
 * committed. Memory: one chunk plus the error list; the file is streamed.
 */
@Component
class ImportRunner {
  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

  private final ImportRunRepository runs;
  private final ImportWriter writer;
  private final ImportTemplates templates;
  private final ImportFiles files;
  private final AttributeSchema schema;
  private final Clock clock;
  private final ZoneId zone;
  private final int chunk;

  ImportRunner(
      ImportRunRepository runs,
      ImportWriter writer,
      ImportTemplates templates,
      ImportFiles files,
      AttributeSchema schema,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone,
      @Value("${tagbase.import.chunk:2000}") int chunk) {
    this.runs = runs;
    this.writer = writer;
    this.templates = templates;
    this.files = files;
    this.schema = schema;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
    this.chunk = chunk;
  }

  JobOutcome run(ImportRun run, ImportMapping mapping, String actor, JobWork.Progress progress) {
    List<RowError> errors = new ArrayList<>();
    int[] stored = {0, 0};
    int[] line = {run.committedLine()};
    try {
      if (run.allOrNothing()) {
        forEachRow(
            run,
            mapping,
            row -> {
              if (!row.valid()) {
                errors.add(error(row));
              }
            });
        if (!errors.isEmpty()) {
          String message =
              errors.size() + " of " + run.totalRows() + " rows are invalid; nothing was applied.";
          runs.finish(run.id(), ImportStatus.REJECTED, message, clock.instant());
          return new JobOutcome(JobStatus.FAILED, 0, errors, message);
        }
      }
      List<ImportedRow> pending = new ArrayList<>(chunk);
      int[] seen = {0};
      forEachRow(
          run,
          mapping,
          row -> {
            seen[0]++;
            if (row.line() <= run.committedLine()) {
              return;
            }
            if (row.valid()) {
              pending.add(row);
            } else {
              errors.add(error(row));
            }
            line[0] = row.line();
            if (pending.size() >= chunk) {
              flush(run, pending, line[0], actor, stored, errors);
              progress.processed(seen[0]);
            }
          });
      flush(run, pending, line[0], actor, stored, errors);
    } catch (RuntimeException e) {
      log.error("Import {} stopped at line {}", run.id(), line[0], e);
      String message =
          "Stopped after line "
              + line[0]
              + " with the rows before it committed: resume the import"
              + " to finish it exactly.";
      runs.finish(run.id(), ImportStatus.INTERRUPTED, message, clock.instant());
      return new JobOutcome(JobStatus.FAILED, stored[0], errors, message);
    }
    errors.sort(java.util.Comparator.comparingInt(RowError::row));
    int total = run.totalRows();
    String message =
        "Imported "
            + (total - errors.size())
            + " of "
            + total
            + " rows: "
            + stored[0]
            + " stored, "
            + stored[1]
            + " already stored, "
            + errors.size()
            + " refused.";
    runs.finish(run.id(), ImportStatus.DONE, message, clock.instant());
    files.delete(run.filePath());
    return new JobOutcome(
        errors.isEmpty() ? JobStatus.SUCCEEDED : JobStatus.PARTIAL,
        total - errors.size(),
        errors,
        message);
  }

  private void flush(
      ImportRun run,
      List<ImportedRow> pending,
      int lastLine,
      String actor,
      int[] stored,
      List<RowError> errors) {
    ImportWriter.Written written = writer.write(run.id(), List.copyOf(pending), lastLine, actor);
    stored[0] += written.stored();
    stored[1] += written.repeats();
    errors.addAll(written.errors());
    pending.clear();
  }

  private void forEachRow(ImportRun run, ImportMapping mapping, Consumer<ImportedRow> action) {
    try (ImportTable table = ImportTable.open(Path.of(run.filePath()), run.tableFormat())) {
      List<String> header = table.next().cells();
      ImportRows rows = ImportRows.compile(mapping, header, schema.fields(), zone, run.fileKey());
      while (table.hasNext()) {
        action.accept(rows.convert(table.next()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RowError error(ImportedRow row) {
    return new RowError(row.line(), item(row), row.error());
  }

  /** What identifies a row in the report: its customer, or the first values read from it. */
  static String item(ImportedRow row) {
    String customer = row.values().getOrDefault("customer", row.values().get("externalId"));
    if (customer == null && row.values().containsKey("row")) {
      return row.values().get("row");
    }
    if (customer != null) {
      return customer;
    }
    String all = String.join(" ", row.values().values());
    return all.length() > 120 ? all.substring(0, 120) : all;
  }

  ImportMapping mapping(ImportRun run) {
    return templates.read(run.mapping());
  }

  String json(ImportMapping mapping) {
    return templates.write(mapping);
  }
}
