package io.tagbase.segment;

import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerService;
import io.tagbase.engine.Condition;
import io.tagbase.job.Job;
import io.tagbase.job.JobOutcome;
import io.tagbase.job.JobService;
import io.tagbase.job.JobStatus;
import io.tagbase.privacy.Consents;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Exports a segment's members to CSV or Excel as a job with progress; the file is written under
 * {@code tagbase.export.directory} and downloaded by job id. Members are read 1,000 at a time.
 */
@Service
public class SegmentExports {
  static final List<String> COLUMNS =
      List.of(
          "external_id",
          "display_name",
          "gender",
          "age",
          "city",
          "channel",
          "signup_date",
          "phone",
          "email");
  private static final int CHUNK = 1000;

  private final SegmentService segments;
  private final CustomerService customers;
  private final JobService jobs;
  private final io.tagbase.privacy.AuditLog audit;
  private final Path directory;
  private final io.tagbase.privacy.PersonalDataMasking pii;
  private final Consents consents;

  SegmentExports(
      Consents consents,
      io.tagbase.privacy.PersonalDataMasking pii,
      SegmentService segments,
      CustomerService customers,
      JobService jobs,
      io.tagbase.privacy.AuditLog audit,
      @Value("${tagbase.export.directory:./data/exports}") String directory) {
    this.consents = consents;
    this.pii = pii;
    this.audit = audit;
    this.segments = segments;
    this.customers = customers;
    this.jobs = jobs;
    this.directory = Path.of(directory);
  }

  /**
   * Starts an export of the segment's current members within the caller's data scope; format is csv
   * or xlsx. Phone and e-mail are masked unless the caller may see personal data; both are decided
   * now, as the job runs later without the caller.
   */
  public Job start(SegmentDefinition segment, String format, String actor) {
    return start(segment, format, null, actor);
  }

  /**
   * As {@link #start(SegmentDefinition, String, String)}, for a purpose (such as marketing_sms):
   * customers who refused it are left out of the file (and counted in the job's message).
   */
  public Job start(SegmentDefinition segment, String format, String purpose, String actor) {
    if (!format.equals("csv") && !format.equals("xlsx")) {
      throw new InvalidInputException("format", "format must be csv or xlsx.");
    }
    if (purpose != null && !purpose.isBlank() && !Consents.isPurpose(purpose)) {
      throw new InvalidInputException(
          "purpose", "purpose must be a purpose code such as marketing_sms.");
    }
    String forPurpose = purpose == null || purpose.isBlank() ? null : purpose;
    List<String> ids = segments.members(Condition.tag(segment.indexKey()));
    boolean clear = pii.visible();
    audit.record(
        actor,
        "EXPORT",
        "segment",
        segment.code(),
        ids.size()
            + " members as "
            + format
            + (clear ? ", personal data in clear" : ", masked")
            + (forPurpose == null ? "" : ", for " + forPurpose));
    String kind = "export-" + segment.code() + "." + format;
    return jobs.submit(
        kind,
        ids.size(),
        actor,
        progress -> {
          try {
            Files.createDirectories(directory);
            Path target = Files.createTempFile(directory, "export-", "." + format);
            try (OutputStream out = Files.newOutputStream(target)) {
              ExportWriter writer =
                  format.equals("csv") ? new CsvExportWriter(out) : new ExcelExportWriter(out);
              writer.header(COLUMNS);
              int written = 0;
              for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Customer> chunk =
                    customers.getAll(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
                java.util.Set<Long> refused =
                    forPurpose == null
                        ? java.util.Set.of()
                        : consents.refused(chunk.stream().map(Customer::id).toList(), forPurpose);
                for (Customer c : chunk) {
                  if (!refused.contains(c.id())) {
                    writer.row(row(c, clear));
                    written++;
                  }
                }
                progress.processed(Math.min(ids.size(), from + CHUNK));
              }
              writer.finish();
              // the message is the file's name (downloads find it by that); the count says how
              // many rows it holds, fewer than the members when some refused the purpose
              return new JobOutcome(
                  JobStatus.SUCCEEDED, written, List.of(), target.getFileName().toString());
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * The finished export file of a job. 404 when the job is no export, its file is gone, or someone
   * else started it (an export may hold personal data in clear for its starter only).
   */
  public Path file(long jobId) {
    Job job = jobs.get(jobId);
    String caller = pii.callerName();
    if (!job.kind().startsWith("export-")
        || (caller != null && !caller.equals(job.createdBy()))
        || job.status() != JobStatus.SUCCEEDED
        || job.message() == null) {
      throw new NotFoundException("Job " + jobId + " has no finished export file.");
    }
    Path file = directory.resolve(job.message()).normalize();
    if (!file.startsWith(directory.normalize()) || !Files.isRegularFile(file)) {
      throw new NotFoundException("The export file of job " + jobId + " is no longer there.");
    }
    return file;
  }

  /** The download name, e.g. high_value-17.csv. */
  public String fileName(long jobId) {
    Job job = jobs.get(jobId);
    return job.kind().substring("export-".length()).replace(".", "-" + jobId + ".");
  }

  private List<String> row(Customer c, boolean clear) {
    return java.util.Arrays.asList(
        c.externalId(),
        c.displayName(),
        c.gender(),
        c.age() == null ? null : c.age().toString(),
        c.city(),
        c.channel(),
        c.signupDate() == null ? null : c.signupDate().toString(),
        pii.show("phone", c.phone(), clear),
        pii.show("email", c.email(), clear));
  }
}
