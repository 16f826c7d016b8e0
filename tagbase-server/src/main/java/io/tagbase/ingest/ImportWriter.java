package io.tagbase.ingest;

import io.tagbase.customer.CustomerProfiles;
import io.tagbase.customer.NewCustomer;
import io.tagbase.job.RowError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits a chunk of checked rows together with the import's checkpoint, in one transaction: after
 * a crash the checkpoint says exactly which rows are stored. A chunk the database refuses (a
 * required field for a new customer, say) is retried row by row, so one row cannot sink the rest.
 */
@Component
class ImportWriter {
  /** What a chunk did: rows stored, rows that were already stored, rows refused. */
  record Written(int stored, int repeats, List<RowError> errors) {}

  private final EventIngest events;
  private final CustomerProfiles profiles;
  private final ImportRunRepository runs;
  private final TransactionTemplate tx;
  private final Clock clock;

  ImportWriter(
      EventIngest events,
      CustomerProfiles profiles,
      ImportRunRepository runs,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.events = events;
    this.profiles = profiles;
    this.runs = runs;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  Written write(long runId, List<ImportedRow> rows, int lastLine, String actor) {
    try {
      return tx.execute(
          s -> {
            Written written = apply(rows, actor);
            runs.checkpoint(runId, lastLine, rows.size(), clock.instant());
            return written;
          });
    } catch (RuntimeException chunkFailed) {
      return oneByOne(runId, rows, lastLine, actor);
    }
  }

  private Written oneByOne(long runId, List<ImportedRow> rows, int lastLine, String actor) {
    int stored = 0;
    int repeats = 0;
    List<RowError> errors = new ArrayList<>();
    for (ImportedRow row : rows) {
      try {
        Written w =
            tx.execute(
                s -> {
                  Written one = apply(List.of(row), actor);
                  runs.checkpoint(runId, row.line(), 1, clock.instant());
                  return one;
                });
        stored += w.stored();
        repeats += w.repeats();
      } catch (RuntimeException e) {
        errors.add(new RowError(row.line(), ImportRunner.item(row), reason(e)));
      }
    }
    tx.executeWithoutResult(s -> runs.checkpoint(runId, lastLine, 0, clock.instant()));
    return new Written(stored, repeats, errors);
  }

  private Written apply(List<ImportedRow> rows, String actor) {
    if (rows.isEmpty()) {
      return new Written(0, 0, List.of());
    }
    if (rows.get(0).record() instanceof IncomingEvent) {
      List<IncomingEvent> batch = new ArrayList<>(rows.size());
      rows.forEach(r -> batch.add((IncomingEvent) r.record()));
      IngestResult result = events.ingest(batch, actor);
      return new Written(result.accepted(), result.duplicates(), List.of());
    }
    for (ImportedRow row : rows) {
      profiles.upsert((NewCustomer) row.record(), actor);
    }
    return new Written(rows.size(), 0, List.of());
  }

  private static String reason(RuntimeException e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof io.tagbase.web.InvalidInputException)) {
      cause = cause.getCause();
    }
    return cause instanceof io.tagbase.web.InvalidInputException
        ? cause.getMessage()
        : "The database refused the row: " + cause.getMessage();
  }
}
