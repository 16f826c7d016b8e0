package io.tagbase.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TagbaseApplication;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewCustomer;
import io.tagbase.privacy.ErasureService;
import io.tagbase.storage.PostgresTestDatabase;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TaxonomyService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tagbase stops cleanly and starts again on the same PostgreSQL database: the index comes back from
 * its snapshot with the same members, and the snapshot is gone once started. A database changed
 * while Tagbase was down, a damaged file or a missing marker make it rebuild from the database
 * instead; an erased customer is not in the next snapshot.
 */
class IndexSnapshotIT {
  @TempDir Path dir;

  private ConfigurableApplicationContext start(String url, Path file) {
    return new SpringApplicationBuilder(TagbaseApplication.class)
        .profiles("test")
        .run(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--server.port=0",
            "--tagbase.index.snapshot-file=" + file);
  }

  /** Population, then every index key with its count. */
  private static Map<String, Long> contents(ConfigurableApplicationContext context) {
    return context
        .getBean(MembershipIndex.class)
        .withIndex(
            (dictionary, index) -> {
              Map<String, Long> counts = new TreeMap<>();
              counts.put("(population)", (long) dictionary.size());
              for (String key : index.tags()) {
                if (!key.contains(":")) { // segment and scope keys are not the snapshot's
                  counts.put(key, index.count(key));
                }
              }
              return counts;
            });
  }

  private static long markers(ConfigurableApplicationContext context) {
    return context
        .getBean(JdbcClient.class)
        .sql("select count(*) from index_snapshot")
        .query(Long.class)
        .single();
  }

  @Test
  void aCleanRestartReadsTheIndexBackAndAnyDoubtRebuildsIt() throws Exception {
    String url = PostgresTestDatabase.newDatabaseUrl();
    Path file = dir.resolve("index.snapshot");
    Map<String, Long> before;
    String erased = "snap-erased";
    try (ConfigurableApplicationContext first = start(url, file)) {
      assertThat(first.getBean(MembershipIndex.class).loadedFrom()).isEqualTo("database");
      TaxonomyService taxonomy = first.getBean(TaxonomyService.class);
      taxonomy.createCategory(new NewCategory("snap_cat", null, "分类", "Category", 1));
      for (String code : List.of("snap_a", "snap_b")) {
        taxonomy.createTag(
            new NewTag(
                code,
                "snap_cat",
                "标签" + code,
                code,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null),
            "tester");
      }
      CustomerService customers = first.getBean(CustomerService.class);
      TaggingService tagging = first.getBean(TaggingService.class);
      for (int i = 0; i < 60; i++) {
        String id = i == 7 ? erased : "snap-" + i;
        customers.create(NewCustomer.withId(id, "客户" + i));
        if (i % 2 == 0) {
          tagging.assign(id, "snap_a", AssignOptions.value(null), AssignmentSource.MANUAL, "t");
        }
        if (i % 3 == 0) {
          tagging.assign(id, "snap_b", AssignOptions.value(null), AssignmentSource.MANUAL, "t");
        }
      }
      before = contents(first);
    }
    assertThat(file).as("written at the clean shutdown").exists();

    try (ConfigurableApplicationContext second = start(url, file)) {
      assertThat(second.getBean(MembershipIndex.class).loadedFrom()).isEqualTo("snapshot");
      assertThat(contents(second)).isEqualTo(before);
      assertThat(second.getBean(MembershipIndex.class).tagsOf("snap-6"))
          .containsExactly("snap_a", "snap_b");
      assertThat(file).as("used once, then deleted").doesNotExist();
      assertThat(markers(second)).isZero();
      second.getBean(ErasureService.class).erase(erased, "tester");
      before = contents(second);
    }
    assertThat(before.get("(population)")).isEqualTo(59);
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
        .as("the erased customer's id is not in the new snapshot")
        .doesNotContain(erased)
        .contains("snap-8");

    // Changed while Tagbase was down: the snapshot no longer matches, so the index is rebuilt.
    try (Connection sql = DriverManager.getConnection(url, "postgres", "postgres")) {
      sql.createStatement()
          .executeUpdate(
              "insert into customer (external_id, created_at, updated_at)"
                  + " values ('snap-late', current_timestamp, current_timestamp)");
    }
    try (ConfigurableApplicationContext third = start(url, file)) {
      assertThat(third.getBean(MembershipIndex.class).loadedFrom()).isEqualTo("database");
      before.put("(population)", 60L);
      assertThat(contents(third)).isEqualTo(before);
      assertThat(file).doesNotExist();
    }

    // A damaged file is refused and the index rebuilt from the database.
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(file, bytes);
    try (ConfigurableApplicationContext fourth = start(url, file)) {
      assertThat(fourth.getBean(MembershipIndex.class).loadedFrom()).isEqualTo("database");
      assertThat(contents(fourth)).isEqualTo(before);
    }

    // A file without its marker (a crash after writing it) is not used either.
    try (Connection sql = DriverManager.getConnection(url, "postgres", "postgres")) {
      sql.createStatement().executeUpdate("delete from index_snapshot");
    }
    try (ConfigurableApplicationContext fifth = start(url, file)) {
      assertThat(fifth.getBean(MembershipIndex.class).loadedFrom()).isEqualTo("database");
      assertThat(contents(fifth)).isEqualTo(before);
    }
  }
}
