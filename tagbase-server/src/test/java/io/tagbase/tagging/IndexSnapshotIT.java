package io.tagbase.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TagbaseApplication;
import io.tagbase.customer.AttributeSchema;
import io.tagbase.customer.AttributeType;
import io.tagbase.customer.CustomerProfiles;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewAttribute;
import io.tagbase.customer.NewCustomer;
import io.tagbase.privacy.ErasureService;
import io.tagbase.rules.RuleService;
import io.tagbase.segment.SegmentService;
import io.tagbase.storage.PostgresTestDatabase;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TaxonomyService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tagbase stops cleanly and starts again on the same PostgreSQL (and H2 file) database: the index
 * and its attribute columns come back from the snapshot with the same members and attribute segment
 * counts, and the snapshot is gone once started. A database changed while Tagbase was down (a
 * customer, a built-in or a custom attribute), a damaged file or a missing marker make it rebuild
 * from the database instead; a field retyped while down is read afresh; an erased customer is not
 * in the next snapshot.
 */
class IndexSnapshotIT {
  /** Attribute segments over every kind of column, built-in and custom. */
  private static final List<String> RULES =
      List.of(
          "age between 30 and 40 and city = \"上海\"",
          "snap_score >= 50",
          "snap_level = gold and snap_score < 80",
          "snap_hobbies contains \"跑步\"",
          "snap_since < 2024-06-01",
          "snap_vip = true",
          "snap_code starts with \"1\"");

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

  /** Each rule's segment count: from the index's attribute columns. */
  private static Map<String, Long> attributeCounts(
      ConfigurableApplicationContext context, List<String> rules) {
    SegmentService segments = context.getBean(SegmentService.class);
    Map<String, Long> counts = new TreeMap<>();
    for (String rule : rules) {
      counts.put(rule, segments.count(segments.parse(Map.of("rule", rule), "condition")).count());
    }
    return counts;
  }

  /** The same counts the old way: each customer's row read from the database and tested. */
  private static Map<String, Long> expectedCounts(
      ConfigurableApplicationContext context, List<String> rules) {
    RuleService ruleService = context.getBean(RuleService.class);
    List<String> ids =
        context
            .getBean(JdbcClient.class)
            .sql("select external_id from customer")
            .query(String.class)
            .list();
    Map<String, Long> counts = new TreeMap<>();
    for (String rule : rules) {
      counts.put(
          rule,
          ids.stream().filter(id -> ruleService.holds(rule, id, ruleService.today())).count());
    }
    return counts;
  }

  private static void defineFields(ConfigurableApplicationContext context) {
    AttributeSchema schema = context.getBean(AttributeSchema.class);
    schema.define(field("snap_score", AttributeType.NUMBER, null));
    schema.define(field("snap_level", AttributeType.ENUM, List.of("gold", "silver")));
    schema.define(field("snap_hobbies", AttributeType.LIST, null));
    schema.define(field("snap_since", AttributeType.DATE, null));
    schema.define(field("snap_vip", AttributeType.BOOLEAN, null));
    schema.define(field("snap_code", AttributeType.STRING, null));
  }

  private static NewAttribute field(String code, AttributeType type, List<String> options) {
    return new NewAttribute(code, "字段" + code, code, type, options, false, false, null);
  }

  /** Built-in and custom values for customer {@code i}; some left out (missing). */
  private static NewCustomer profile(String id, int i, Random random) {
    Map<String, Object> values = new HashMap<>();
    if (i % 5 != 0) {
      values.put("snap_score", random.nextInt(100));
    }
    values.put("snap_level", random.nextBoolean() ? "gold" : "silver");
    if (i % 4 != 0) {
      values.put("snap_hobbies", random.nextBoolean() ? List.of("跑步", "读书") : List.of("读书"));
    }
    values.put("snap_since", "2024-0" + (1 + random.nextInt(9)) + "-15");
    values.put("snap_vip", random.nextBoolean());
    values.put("snap_code", String.valueOf(random.nextInt(40)));
    return new NewCustomer(
        id,
        "客户" + i,
        null,
        25 + random.nextInt(20),
        random.nextBoolean() ? "上海" : "北京",
        null,
        null,
        null,
        null,
        null,
        values);
  }

  private static void sql(String url, String statement) throws Exception {
    try (Connection sql = DriverManager.getConnection(url, "postgres", "postgres")) {
      sql.createStatement().executeUpdate(statement);
    }
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
    Map<String, Long> attributesBefore;
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
      defineFields(first);
      CustomerService customers = first.getBean(CustomerService.class);
      CustomerProfiles profiles = first.getBean(CustomerProfiles.class);
      TaggingService tagging = first.getBean(TaggingService.class);
      Random random = new Random(5);
      for (int i = 0; i < 60; i++) {
        String id = i == 7 ? erased : "snap-" + i;
        if (i % 10 == 9) {
          customers.create(NewCustomer.withId(id, "客户" + i)); // no attributes at all
        } else {
          profiles.upsert(profile(id, i, random), "t");
        }
        if (i % 2 == 0) {
          tagging.assign(id, "snap_a", AssignOptions.value(null), AssignmentSource.MANUAL, "t");
        }
        if (i % 3 == 0) {
          tagging.assign(id, "snap_b", AssignOptions.value(null), AssignmentSource.MANUAL, "t");
        }
      }
      before = contents(first);
      attributesBefore = attributeCounts(first, RULES);
      assertThat(attributesBefore).isEqualTo(expectedCounts(first, RULES));
      assertThat(attributesBefore.values()).allMatch(count -> count > 0 && count < 60);
    }
    assertThat(file).as("written at the clean shutdown").exists();

    try (ConfigurableApplicationContext second = start(url, file)) {
      assertThat(second.getBean(MembershipIndex.class).loadedFrom()).isEqualTo("snapshot");
      assertThat(contents(second)).isEqualTo(before);
      assertThat(attributeCounts(second, RULES))
          .as("attribute columns read back from the snapshot")
          .isEqualTo(attributesBefore);
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
    sql(
        url,
        "insert into customer (external_id, created_at, updated_at)"
            + " values ('snap-late', current_timestamp, current_timestamp)");
    try (ConfigurableApplicationContext third = start(url, file)) {
      assertThat(third.getBean(MembershipIndex.class).loadedFrom()).isEqualTo("database");
      before.put("(population)", 60L);
      assertThat(contents(third)).isEqualTo(before);
      assertThat(file).doesNotExist();
      attributesBefore = expectedCounts(third, RULES);
      assertThat(attributeCounts(third, RULES)).isEqualTo(attributesBefore);
    }

    // A built-in attribute changed while down (as another instance's profile write does it).
    sql(
        url,
        "update customer set age = 35, city = '上海', updated_at = current_timestamp"
            + " where external_id in ('snap-1', 'snap-3', 'snap-5')");
    try (ConfigurableApplicationContext changed = start(url, file)) {
      assertThat(changed.getBean(MembershipIndex.class).loadedFrom()).isEqualTo("database");
      Map<String, Long> expected = expectedCounts(changed, RULES);
      assertThat(expected).isNotEqualTo(attributesBefore);
      assertThat(attributeCounts(changed, RULES)).isEqualTo(expected);
      attributesBefore = expected;
    }

    // A custom value deleted by SQL, the customer row untouched: the value count tells.
    sql(
        url,
        "delete from customer_attribute where attribute_id = (select id from attribute_def where"
            + " code = 'snap_score') and customer_id in (select id from customer where"
            + " external_id in ('snap-2', 'snap-4', 'snap-6', 'snap-8', 'snap-11', 'snap-12'))");
    try (ConfigurableApplicationContext deleted = start(url, file)) {
      assertThat(deleted.getBean(MembershipIndex.class).loadedFrom()).isEqualTo("database");
      Map<String, Long> expected = expectedCounts(deleted, RULES);
      assertThat(expected).isNotEqualTo(attributesBefore);
      assertThat(attributeCounts(deleted, RULES)).isEqualTo(expected);
    }

    // A field retyped while down: the snapshot is used, and that column is read afresh.
    sql(url, "update attribute_def set type = 'NUMBER' where code = 'snap_code'");
    sql(
        url,
        "update customer_attribute set number_value = cast(text_value as double precision)"
            + " where attribute_id = (select id from attribute_def where code = 'snap_code')");
    try (ConfigurableApplicationContext retyped = start(url, file)) {
      assertThat(retyped.getBean(MembershipIndex.class).loadedFrom()).isEqualTo("snapshot");
      List<String> rules = List.of("snap_code >= 20", "snap_code < 5 and snap_score >= 30");
      Map<String, Long> expected = expectedCounts(retyped, rules);
      assertThat(expected.values()).allMatch(count -> count > 0);
      assertThat(attributeCounts(retyped, rules)).isEqualTo(expected);
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

  /** The default embedded H2 database (file mode) checks and uses the snapshot the same way. */
  @Test
  void onTheDefaultH2DatabaseAttributesComeBackFromTheSnapshotAndAChangeRebuilds()
      throws Exception {
    String url =
        "jdbc:h2:file:"
            + dir.resolve("h2/tagbase")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    Path file = dir.resolve("h2.snapshot");
    Map<String, Long> counts;
    try (ConfigurableApplicationContext first = start(url, file)) {
      defineFields(first);
      CustomerProfiles profiles = first.getBean(CustomerProfiles.class);
      Random random = new Random(9);
      for (int i = 1; i <= 40; i++) {
        profiles.upsert(profile("h2-" + i, i, random), "t");
      }
      counts = attributeCounts(first, RULES);
      assertThat(counts).isEqualTo(expectedCounts(first, RULES));
    }
    try (ConfigurableApplicationContext second = start(url, file)) {
      assertThat(second.getBean(MembershipIndex.class).loadedFrom()).isEqualTo("snapshot");
      assertThat(attributeCounts(second, RULES)).isEqualTo(counts);
    }
    sql(
        url,
        "update customer set age = 33, city = '上海', updated_at = current_timestamp"
            + " where external_id in ('h2-1', 'h2-2', 'h2-3', 'h2-4')");
    try (ConfigurableApplicationContext third = start(url, file)) {
      assertThat(third.getBean(MembershipIndex.class).loadedFrom()).isEqualTo("database");
      assertThat(attributeCounts(third, RULES)).isEqualTo(expectedCounts(third, RULES));
    }
  }
}
