package io.tagbase.ingest;

import io.tagbase.customer.AttributeSchema;
import io.tagbase.job.Job;
import io.tagbase.job.JobService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * File imports of customers and events: upload (the file is kept on disk), preview a mapping on the
 * first rows, run as a job that commits in chunks and records how far it got, resume an interrupted
 * run. Re-importing a file stores nothing twice: events carry a message id derived from the file's
 * content and line (or a key column), and customer upserts change nothing the second time.
 * Thread-safe; imports run one at a time on the job thread.
 */
@Service
public class ImportService {
  static final int PREVIEW_ROWS = 20;

  private final ImportFiles files;
  private final ImportRunRepository runs;
  private final ImportRunner runner;
  private final ImportTemplates templates;
  private final AttributeSchema schema;
  private final JobService jobs;
  private final Clock clock;
  private final ZoneId zone;

  ImportService(
      ImportFiles files,
      ImportRunRepository runs,
      ImportRunner runner,
      ImportTemplates templates,
      AttributeSchema schema,
      JobService jobs,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.files = files;
    this.runs = runs;
    this.runner = runner;
    this.templates = templates;
    this.schema = schema;
    this.jobs = jobs;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  /**
   * Stores an upload and describes it. {@code charset} (UTF-8, GBK) and {@code delimiter} are
   * guessed when null. Cost: one pass over the file to count its rows (two for a guessed charset).
   */
  public ImportUpload upload(
      InputStream content,
      String fileName,
      String kind,
      String charset,
      String delimiter,
      String actor)
      throws IOException {
    ImportKind importKind;
    try {
      importKind = ImportKind.parse(kind);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("kind", e.getMessage() + ".");
    }
    ImportFiles.Stored stored = files.store(content, charset(charset), delimiter(delimiter));
    String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
    long id =
        runs.insert(
            importKind,
            name.length() > 300 ? name.substring(0, 300) : name,
            stored.path().toString(),
            stored.sha256(),
            ImportRun.format(stored.format()),
            stored.sample().totalRows(),
            actor,
            clock.instant());
    return describe(get(id), stored.sample());
  }

  public ImportUpload describe(long id) {
    ImportRun run = get(id);
    return describe(run, sample(run, 10));
  }

  private ImportUpload describe(ImportRun run, ImportFiles.Sample sample) {
    List<List<String>> rows = new ArrayList<>();
    sample.rows().forEach(r -> rows.add(r.cells()));
    ImportMapping suggested =
        ImportSuggestions.suggest(run.kind(), sample.header(), schema.fields());
    return new ImportUpload(run, sample.header(), rows, suggested, templates.names(run.kind()));
  }

  public ImportRun get(long id) {
    return runs.find(id).orElseThrow(() -> new NotFoundException("No import with id " + id + "."));
  }

  public List<ImportRun> recent(int limit) {
    return runs.recent(limit);
  }

  /** The first rows as they would be imported, with each row's error; writes nothing. */
  public ImportPreview preview(long id, ImportMapping mapping) {
    ImportRun run = get(id);
    ImportFiles.Sample sample = sample(run, PREVIEW_ROWS);
    ImportMapping m = mapping.withKind(run.kind());
    ImportRows rows = ImportRows.compile(m, sample.header(), schema.fields(), zone, run.fileKey());
    List<ImportedRow> converted = new ArrayList<>();
    sample.rows().forEach(r -> converted.add(rows.convert(r)));
    LinkedHashSet<String> fields = new LinkedHashSet<>();
    converted.forEach(r -> fields.addAll(r.values().keySet()));
    int valid = (int) converted.stream().filter(ImportedRow::valid).count();
    return new ImportPreview(List.copyOf(fields), converted, valid, converted.size() - valid);
  }

  /**
   * Starts importing every row as a job. {@code allOrNothing}: any bad row and nothing is applied;
   * else valid rows are applied and bad ones reported. 409 while it is running.
   */
  public Job run(long id, ImportMapping mapping, boolean allOrNothing, String actor) {
    ImportRun run = startable(id);
    ImportMapping m = mapping.withKind(run.kind());
    preview(id, m);
    return start(run, m, allOrNothing, false, actor).orElseThrow(() -> startedMeanwhile(id));
  }

  /**
   * Continues an interrupted import after its last committed row, with the same mapping. 409 when
   * it is not interrupted or its file is gone.
   */
  public Job resume(long id, String actor) {
    ImportRun run = startable(id);
    if (run.status() != ImportStatus.INTERRUPTED || run.mapping() == null) {
      throw new ConflictException(
          "status",
          "Import " + id + " is " + run.status() + "; only an interrupted import resumes.");
    }
    if (!files.exists(run.filePath())) {
      throw new ConflictException("status", FILE_GONE);
    }
    return start(run, runner.mapping(run), run.allOrNothing(), true, actor)
        .orElseThrow(() -> startedMeanwhile(id));
  }

  static final String FILE_GONE =
      "The uploaded file of this import is no longer in the import directory"
          + " (tagbase.import.directory), so it cannot resume: upload the same file again and run"
          + " it with the same mapping; rows already stored are recognised and not stored twice.";

  /**
   * Resumes {@code run} if it is still interrupted and this caller claims it first (a conditional
   * update, so of several instances starting at once only one resumes it); empty otherwise.
   */
  Optional<Job> resumeIfInterrupted(ImportRun run, String actor) {
    if (run.status() != ImportStatus.INTERRUPTED || run.mapping() == null) {
      return Optional.empty();
    }
    return start(run, runner.mapping(run), run.allOrNothing(), true, actor);
  }

  private Optional<Job> start(
      ImportRun run, ImportMapping mapping, boolean allOrNothing, boolean resume, String actor) {
    String json = runner.json(mapping);
    if (!runs.start(run.id(), json, allOrNothing, resume, run.status(), clock.instant())) {
      return Optional.empty();
    }
    ImportRun started = get(run.id());
    Job job =
        jobs.submit(
            "import-" + run.kind().name().toLowerCase(java.util.Locale.ROOT),
            run.totalRows(),
            actor,
            progress -> runner.run(started, mapping, actor, progress));
    runs.attachJob(run.id(), job.id());
    return Optional.of(job);
  }

  private static ConflictException startedMeanwhile(long id) {
    return new ConflictException(
        "status", "Import " + id + " was started or changed meanwhile; reload it and try again.");
  }

  private ImportRun startable(long id) {
    ImportRun run = get(id);
    if (run.status() == ImportStatus.RUNNING) {
      throw new ConflictException("status", "Import " + id + " is running.");
    }
    if (run.status() == ImportStatus.DONE) {
      throw new ConflictException(
          "status", "Import " + id + " is done and its file removed; upload the file again.");
    }
    return run;
  }

  private ImportFiles.Sample sample(ImportRun run, int rows) {
    if (run.status() == ImportStatus.DONE) {
      throw new ConflictException(
          "status", "Import " + run.id() + " is done and its file removed; upload it again.");
    }
    return files.sample(Path.of(run.filePath()), run.tableFormat(), rows, false);
  }

  private static String charset(String charset) {
    if (charset == null || charset.isBlank() || charset.equalsIgnoreCase("auto")) {
      return null;
    }
    if (!charset.equalsIgnoreCase("UTF-8")
        && !charset.equalsIgnoreCase("GBK")
        && !charset.equalsIgnoreCase("GB18030")) {
      throw new InvalidInputException("charset", "charset is auto, UTF-8, GBK or GB18030.");
    }
    return charset.toUpperCase(java.util.Locale.ROOT);
  }

  private static Character delimiter(String delimiter) {
    if (delimiter == null || delimiter.isEmpty() || delimiter.equalsIgnoreCase("auto")) {
      return null;
    }
    String d = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
    if (d.length() != 1) {
      throw new InvalidInputException("delimiter", "delimiter is one character, tab, or auto.");
    }
    return d.charAt(0);
  }
}
