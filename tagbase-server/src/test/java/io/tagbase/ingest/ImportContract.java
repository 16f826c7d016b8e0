package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tagbase.customer.AttributeSchema;
import io.tagbase.customer.AttributeType;
import io.tagbase.customer.CustomerProfiles;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewAttribute;
import io.tagbase.job.Job;
import io.tagbase.job.JobService;
import io.tagbase.job.JobStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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

  @Test
  void resumingAnInterruptedImportFinishesItExactly() throws IOException {
    String csv = ImportTestFiles.orders(8000, 25);
    long id = upload("events", csv);
    ImportRun run = imports.get(id);
    // What a crash leaves: the first chunk (lines 2-11) committed with its checkpoint, then a
    // restart.
    runs.start(id, json.writeValueAsString(orderMapping()), true, false, Instant.now());
    List<ImportedRow> firstChunk = new ArrayList<>();
    try (ImportTable table =
        ImportTable.open(java.nio.file.Path.of(run.filePath()), run.tableFormat())) {
      List<String> header = table.next().cells();
      ImportRows rows =
          ImportRows.compile(
              orderMapping().withKind(ImportKind.EVENTS),
              header,
              List.of(),
              java.time.ZoneId.of("Asia/Shanghai"),
              run.fileKey());
      for (int i = 0; i < 10; i++) {
        firstChunk.add(rows.convert(table.next()));
      }
    }
    writer.write(id, firstChunk, 11, "tester");
    runs.interruptRunning(ImportRecovery.MESSAGE, Instant.now());
    assertThat(events(8000)).isEqualTo(10);

    Job resumed = finished(imports.resume(id, "tester"));

    assertThat(resumed.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(events(8000)).isEqualTo(25);
    ImportRun done = imports.get(id);
    assertThat(done.status()).isEqualTo(ImportStatus.DONE);
    assertThat(done.committedRows()).isEqualTo(25);
  }
}
