package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tagbase.customer.AttributeSchema;
import io.tagbase.customer.AttributeType;
import io.tagbase.customer.CustomerEvent;
import io.tagbase.customer.CustomerProfiles;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewAttribute;
import io.tagbase.job.Job;
import io.tagbase.job.JobService;
import io.tagbase.job.JobStatus;
import io.tagbase.web.ConflictException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.ObjectMapper;

/** Imports of customers and events, idempotence and resume; run on H2 and on PostgreSQL. */
abstract class ImportContract {
  @Autowired ImportService imports;
  @Autowired ImportRunRepository runs;
  @Autowired ImportWriter writer;
  @Autowired JobService jobs;
  @Autowired CustomerService customers;
  @Autowired CustomerProfiles profiles;
  @Autowired AttributeSchema schema;
  @Autowired ObjectMapper json;
  @Autowired ImportRecovery recovery;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  static void importDirectory(DynamicPropertyRegistry registry) throws IOException {
    String dir = java.nio.file.Files.createTempDirectory("tagbase-imports").toString();
    registry.add("tagbase.import.directory", () -> dir);
  }

  ImportMapping orderMapping() {
    return json.readValue(ImportTestFiles.ORDER_MAPPING, ImportMapping.class);
  }

  long upload(String kind, String csv) throws IOException {
    return imports
        .upload(new ByteArrayInputStream(csv.getBytes()), "f.csv", kind, null, null, "tester")
        .run()
        .id();
  }

  Job finished(Job started) {
    await().atMost(Duration.ofSeconds(30)).until(() -> jobs.get(started.id()).status().finished());
    return jobs.get(started.id());
  }

  int events(int base) {
    int n = 0;
    for (int c = 0; c < 5; c++) {
      n +=
          customers.find(String.valueOf(base + c)).isEmpty()
              ? 0
              : customers.recentEvents(String.valueOf(base + c), 1000).size();
    }
    return n;
  }

  @Test
  void ordersAreImportedOnceHoweverOftenTheFileIs() throws IOException {
    String csv = ImportTestFiles.orders(7000, 30);
    Job first = finished(imports.run(upload("events", csv), orderMapping(), true, "tester"));
    Job again = finished(imports.run(upload("events", csv), orderMapping(), true, "tester"));
    assertThat(first.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(again.message()).contains("0 stored, 30 already stored");
    assertThat(events(7000)).isEqualTo(30);
  }

  @Test
  void customersWithACustomFieldAreImportedAndBadRowsReported() throws IOException {
    String code = "tier_" + UUID.randomUUID().toString().substring(0, 8);
    schema.define(
        new NewAttribute(
            code, "等级", "Tier", AttributeType.ENUM, List.of("gold", "silver"), false, false, null));
    String csv = "id,name,tier\nK1,甲,gold\nK2,乙,bronze\nK3,丙,silver\n";
    long id = upload("customers", csv);
    ImportMapping mapping =
        new ImportMapping(
            ImportKind.CUSTOMERS,
            Map.of(
                "externalId",
                ImportSource.column("id"),
                "displayName",
                ImportSource.column("name"),
                code,
                ImportSource.column("tier")),
            null,
            null,
            null,
            null);
    Job job = finished(imports.run(id, mapping, false, "tester"));
    assertThat(job.status()).isEqualTo(JobStatus.PARTIAL);
    assertThat(jobs.errors(job.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.row()).isEqualTo(3);
              assertThat(e.reason()).contains("'bronze' is not one of gold, silver");
            });
    assertThat(profiles.profile("K3").attributes().toString()).contains("silver");
    assertThat(customers.find("K2")).isEmpty();
  }

  /**
   * What a crash leaves: the first chunk (lines 2-11) committed with its checkpoint, then a restart
   * that marks the import INTERRUPTED.
   */
  void interruptAfterFirstChunk(long id) throws IOException {
    ImportRun run = imports.get(id);
    String mapping = json.writeValueAsString(orderMapping());
    assertThat(runs.start(id, mapping, true, false, ImportStatus.UPLOADED, Instant.now())).isTrue();
    List<ImportedRow> firstChunk = new ArrayList<>();
    try (ImportTable table = ImportTable.open(Path.of(run.filePath()), run.tableFormat())) {
      List<String> header = table.next().cells();
      ImportRows rows =
          ImportRows.compile(
              orderMapping().withKind(ImportKind.EVENTS),
              header,
              List.of(),
              ZoneId.of("Asia/Shanghai"),
              run.fileKey());
      for (int i = 0; i < 10; i++) {
        firstChunk.add(rows.convert(table.next()));
      }
    }
    writer.write(id, firstChunk, 11, "tester");
    runs.interruptRunning(
        ImportRecovery.MESSAGE, Instant.now().plusSeconds(1), Instant.now(), null, Instant.now());
  }

  long uploadXlsxOrders(int base, int n) throws IOException {
    Path file = java.nio.file.Files.createTempFile("orders", ".xlsx");
    try {
      ImportTestFiles.xlsxOrders(base, n, file);
      try (InputStream in = java.nio.file.Files.newInputStream(file)) {
        return imports.upload(in, "orders.xlsx", "events", null, null, "tester").run().id();
      }
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @Test
  void resumingAnInterruptedImportFinishesItExactly() throws IOException {
    long id = upload("events", ImportTestFiles.orders(8000, 25));
    interruptAfterFirstChunk(id);
    assertThat(events(8000)).isEqualTo(10);

    Job resumed = finished(imports.resume(id, "tester"));

    assertThat(resumed.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(events(8000)).isEqualTo(25);
    ImportRun done = imports.get(id);
    assertThat(done.status()).isEqualTo(ImportStatus.DONE);
    assertThat(done.committedRows()).isEqualTo(25);
  }

  @Test
  void anInterruptedExcelImportResumesExactlyWithItsDateCellsAsTimes() throws IOException {
    long id = uploadXlsxOrders(8100, 25);
    assertThat(imports.get(id).format()).isEqualTo("xlsx");
    interruptAfterFirstChunk(id);
    assertThat(events(8100)).isEqualTo(10);

    Job resumed = finished(imports.resume(id, "tester"));

    assertThat(resumed.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(events(8100)).isEqualTo(25);
    assertThat(imports.get(id).committedRows()).isEqualTo(25);
    // Row i of the sheet is customer 8100 + i % 5, day 1 + i % 9, quantity 1 + i % 7, price 2.5.
    List<CustomerEvent> third = customers.recentEvents("8102", 100);
    assertThat(third)
        .extracting(e -> e.occurredAt().atZone(ZoneId.of("Asia/Shanghai")).toLocalDateTime())
        .contains(LocalDateTime.of(2026, 1, 3, 10, 15));
    assertThat(third)
        .filteredOn(e -> e.occurredAt().equals(Instant.parse("2026-01-03T02:15:00Z")))
        .extracting(e -> e.amount().stripTrailingZeros().toPlainString())
        .containsOnly("7.5");
  }

  @Test
  void badRowsOfAnExcelFileAreReportedWithTheirSheetRowNumber() throws IOException {
    String code = "level_" + UUID.randomUUID().toString().substring(0, 8);
    schema.define(
        new NewAttribute(
            code,
            "等级",
            "Level",
            AttributeType.ENUM,
            List.of("gold", "silver"),
            false,
            false,
            null));
    byte[] xlsx =
        ImportTestFiles.xlsx(
            List.of(
                List.of("id", "name", "level"),
                List.of("X1", "甲", "gold"),
                List.of(),
                List.of("X2", "乙", "bronze"),
                List.of("X3", "丙", "silver")));
    long id =
        imports
            .upload(new ByteArrayInputStream(xlsx), "m.xlsx", "customers", null, null, "tester")
            .run()
            .id();
    ImportMapping mapping =
        new ImportMapping(
            ImportKind.CUSTOMERS,
            Map.of("externalId", ImportSource.column("id"), code, ImportSource.column("level")),
            null,
            null,
            null,
            null);
    Job job = finished(imports.run(id, mapping, false, "tester"));
    assertThat(jobs.errors(job.id())).extracting(e -> e.row()).containsExactly(4);
    assertThat(customers.find("X3")).isPresent();
  }

  @Test
  void interruptedImportsResumeByThemselvesOldestFirst() throws IOException {
    long older = upload("events", ImportTestFiles.orders(8200, 25));
    long newer = uploadXlsxOrders(8300, 25);
    long gone = upload("events", ImportTestFiles.orders(8400, 25));
    for (long id : List.of(older, newer, gone)) {
      interruptAfterFirstChunk(id);
    }
    java.nio.file.Files.delete(Path.of(imports.get(gone).filePath()));

    List<Job> started = recovery.resumeInterrupted();

    assertThat(started).extracting(Job::id).isSorted().hasSize(2);
    assertThat(started.get(0).id()).isEqualTo(imports.get(older).jobId());
    assertThat(started.get(1).id()).isEqualTo(imports.get(newer).jobId());
    started.forEach(job -> assertThat(finished(job).status()).isEqualTo(JobStatus.SUCCEEDED));
    assertThat(List.of(events(8200), events(8300), events(8400))).containsExactly(25, 25, 10);
    assertThat(imports.get(older).status()).isEqualTo(ImportStatus.DONE);
    ImportRun stuck = imports.get(gone);
    assertThat(stuck.status()).isEqualTo(ImportStatus.INTERRUPTED);
    assertThat(stuck.message()).isEqualTo(ImportService.FILE_GONE);
    assertThatThrownBy(() -> imports.resume(gone, "tester"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("upload the same file again");
  }

  @Test
  void twoInstancesStartingAtOnceResumeAnImportOnce() throws Exception {
    long id = upload("events", ImportTestFiles.orders(8500, 25));
    interruptAfterFirstChunk(id);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var ready = new java.util.concurrent.CountDownLatch(2);
      java.util.concurrent.Callable<List<Job>> instance =
          () -> {
            ready.countDown();
            ready.await();
            return recovery.resumeInterrupted();
          };
      var a = pool.submit(instance);
      var b = pool.submit(instance);
      List<Job> started = new ArrayList<>(a.get());
      started.addAll(b.get());

      assertThat(started).singleElement().satisfies(job -> finished(job));
    } finally {
      pool.shutdown();
    }
    assertThat(events(8500)).isEqualTo(25);
    assertThat(imports.get(id).status()).isEqualTo(ImportStatus.DONE);
  }

  @Test
  void anImportIsClaimedOnlyFromTheStatusItWasReadIn() throws IOException {
    long id = upload("events", ImportTestFiles.orders(8600, 5));
    String mapping = json.writeValueAsString(orderMapping());
    assertThat(runs.start(id, mapping, true, false, ImportStatus.UPLOADED, Instant.now())).isTrue();
    assertThat(runs.start(id, mapping, true, false, ImportStatus.UPLOADED, Instant.now()))
        .isFalse();
    runs.interruptRunning(
        ImportRecovery.MESSAGE, Instant.now().plusSeconds(1), Instant.now(), null, Instant.now());
    assertThat(runs.start(id, mapping, true, true, ImportStatus.INTERRUPTED, Instant.now()))
        .isTrue();
    assertThat(runs.start(id, mapping, true, true, ImportStatus.INTERRUPTED, Instant.now()))
        .isFalse();
    runs.finish(id, ImportStatus.REJECTED, "claimed by the test only", Instant.now());
  }

  @Test
  void recoveryLeavesAnImportClaimedSinceThisInstanceStarted() throws IOException {
    long id = upload("events", ImportTestFiles.orders(8700, 5));
    Instant claimed = Instant.now();
    runs.start(
        id, json.writeValueAsString(orderMapping()), true, false, ImportStatus.UPLOADED, claimed);
    assertThat(
            runs.interruptRunning(
                ImportRecovery.MESSAGE,
                claimed.minusSeconds(5),
                Instant.now(),
                null,
                Instant.now()))
        .isZero();
    assertThat(imports.get(id).status()).isEqualTo(ImportStatus.RUNNING);
    assertThat(
            runs.interruptRunning(
                ImportRecovery.MESSAGE, claimed.plusSeconds(1), Instant.now(), null, Instant.now()))
        .isEqualTo(1);
    runs.finish(id, ImportStatus.REJECTED, "claimed by the test only", Instant.now());
  }

  @Test
  void recoveryLeavesAnImportWhoseJobStillBeatsOnAnotherInstance() throws IOException {
    long id = upload("events", ImportTestFiles.orders(8800, 5));
    Instant claimed = Instant.now().minusSeconds(600); // claimed long before this instance started
    runs.start(
        id, json.writeValueAsString(orderMapping()), true, false, ImportStatus.UPLOADED, claimed);
    Instant beat = Instant.now().minusSeconds(10);
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "insert into job (kind, status, total, processed, succeeded, failed, created_by,"
                + " created_at, heartbeat_at) values ('import', 'RUNNING', 5, 0, 0, 0, 'peer',"
                + " :at, :beat)")
        .param("at", java.sql.Timestamp.from(claimed))
        .param("beat", java.sql.Timestamp.from(beat))
        .update(key, "id");
    long job = key.getKey().longValue();
    runs.attachJob(id, job);
    Instant started = Instant.now().minusSeconds(1);
    assertThat(
            runs.interruptRunning(
                ImportRecovery.MESSAGE, started, beat.minusSeconds(60), "this-host", Instant.now()))
        .as("its job beat 10 s ago: another instance runs it")
        .isZero();
    jdbc.sql("update job set owner = 'this-host' where id = :id").param("id", job).update();
    assertThat(
            runs.interruptRunning(
                ImportRecovery.MESSAGE, started, beat.minusSeconds(60), "other", Instant.now()))
        .as("another instance's restart leaves it alone")
        .isZero();
    assertThat(imports.get(id).status()).isEqualTo(ImportStatus.RUNNING);
    assertThat(
            runs.interruptRunning(
                ImportRecovery.MESSAGE, started, beat.minusSeconds(60), "this-host", Instant.now()))
        .as("this instance owned it before its restart")
        .isEqualTo(1);
    runs.start(
        id, json.writeValueAsString(orderMapping()), true, true, ImportStatus.INTERRUPTED, claimed);
    assertThat(
            runs.interruptRunning(
                ImportRecovery.MESSAGE, started, beat.plusSeconds(1), null, Instant.now()))
        .as("its heartbeat stopped")
        .isEqualTo(1);
    jdbc.sql("update job set status = 'FAILED' where id = :id").param("id", job).update();
    runs.finish(id, ImportStatus.REJECTED, "claimed by the test only", Instant.now());
  }
}
