package io.tagbase.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.customer.CustomerService;
import io.tagbase.customer.EventsRecorded;
import io.tagbase.customer.NewCustomer;
import io.tagbase.customer.NewEvent;
import io.tagbase.engine.Condition;
import io.tagbase.tagging.AssignOptions;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.tagging.TaggingService;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TagStatus;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * What storage must do, whichever database is behind it. Run on H2 ({@code H2StorageIT}) and on a
 * real PostgreSQL ({@code PostgresStorageIT}).
 */
@RecordApplicationEvents
abstract class StorageContract {
  @Autowired CustomerService customers;
  @Autowired TaxonomyService taxonomy;
  @Autowired TaggingService tagging;
  @Autowired MembershipIndex index;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents published;

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private String category() {
    String code = unique("cat");
    taxonomy.createCategory(new NewCategory(code, null, "分类", "Category", 1));
    return code;
  }

  private String tag(String category, TagStatus status) {
    String code = unique("tag");
    taxonomy.createTag(
        new NewTag(
            code, category, "标签", "Tag", null, null, null, status, null, null, null, null, null,
            null),
        "tester");
    return code;
  }

  private String customer(String name) {
    String id = unique("c");
    customers.create(
        new NewCustomer(
            id,
            name,
            "female",
            30,
            "上海",
            "app",
            LocalDate.of(2025, 3, 1),
            "13800000000",
            "a@example.com",
            null,
            null));
    return id;
  }

  @Test
  void customerRoundTripsEveryAttributeIncludingChinese() {
    String id = customer("张三丰");
    var stored = customers.get(id);
    assertThat(stored.displayName()).isEqualTo("张三丰");
    assertThat(stored.city()).isEqualTo("上海");
    assertThat(stored.age()).isEqualTo(30);
    assertThat(stored.signupDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(stored.phone()).isEqualTo("13800000000");
  }

  @Test
  void searchMatchesNameCaseInsensitivelyAndTreatsWildcardsLiterally() {
    String id = customer("Zhang_Wei%");
    assertThat(customers.search("zhang_wei%", 0, 10).items())
        .extracting(c -> c.externalId())
        .contains(id);
    assertThat(customers.search("zhang_wei%x", 0, 10).items()).isEmpty();
  }

  @Test
  void eventsComeBackNewestFirst() {
    String id = customer("李四");
    long dbId = customers.get(id).id();
    customers.recordEvents(
        List.of(
            new NewEvent(dbId, "view", Instant.parse("2026-01-01T00:00:00Z"), null, null, null),
            new NewEvent(
                dbId,
                "order",
                Instant.parse("2026-02-01T00:00:00Z"),
                "O1",
                new BigDecimal("12.50"),
                "{}")));
    var events = customers.recentEvents(id, 10);
    assertThat(events).extracting(e -> e.type()).containsExactly("order", "view");
    assertThat(events.get(0).amount()).isEqualByComparingTo("12.50");
  }

  @Test
  void eventBatchesStoreEveryValueExactlyAndSkipRepeatedMessageIds() {
    String id = customer("王五");
    long dbId = customers.get(id).id();
    String m = unique("m");
    // Text that array literals must escape, an instant with milliseconds, amounts of any scale.
    String tricky = "{\"note\":\"a \\\"quoted\\\" \\\\ back, {brace}, NULL, 北京\"}";
    Instant at = Instant.parse("2026-03-29T01:30:00.123Z");
    int stored =
        customers.recordEvents(
            List.of(
                new NewEvent(dbId, "view", at, null, null, tricky, m + "-1", "api"),
                new NewEvent(dbId, "view", at, null, null, "NULL", m + "-2", "api"),
                new NewEvent(dbId, "view", at, null, null, null, m + "-1", "api"),
                new NewEvent(
                    dbId, "order", at, "O,\"1\"", new BigDecimal("1E+3"), null, null, "api"),
                new NewEvent(dbId, "order", at, "O2", new BigDecimal("0.05"), "", null, null)));
    assertThat(stored).isEqualTo(4);
    int again =
        customers.recordEvents(
            List.of(
                new NewEvent(dbId, "view", at, null, null, null, m + "-2", "api"),
                new NewEvent(dbId, "cart", at, null, null, null, m + "-3", "api")));
    assertThat(again).isEqualTo(1);
    var events = customers.recentEvents(id, 10);
    assertThat(events).hasSize(5);
    assertThat(events).allSatisfy(e -> assertThat(e.occurredAt()).isEqualTo(at));
    assertThat(events)
        .extracting(e -> e.properties())
        .containsExactlyInAnyOrder(tricky, "NULL", null, null, "");
    assertThat(events)
        .filteredOn(e -> e.type().equals("order"))
        .extracting(e -> e.orderId() + "=" + e.amount().stripTrailingZeros().toPlainString())
        .containsExactlyInAnyOrder("O,\"1\"=1000", "O2=0.05");
    assertThat(events).extracting(e -> e.type()).containsOnlyOnce("cart");
  }

  /** The one EventsRecorded that recording {@code batch} published. */
  private EventsRecorded record(List<NewEvent> batch) {
    published.clear();
    customers.recordEvents(batch);
    List<EventsRecorded> notices = published.stream(EventsRecorded.class).toList();
    assertThat(notices).hasSize(1);
    return notices.get(0);
  }

  /** What a stored row says of its event, by row id, for the given customers' events. */
  private Map<Long, String> rowsOf(long... customerIds) {
    Map<Long, String> rows = new HashMap<>();
    for (long customerId : customerIds) {
      jdbc.sql(
              "select id, customer_id, event_type, message_id, properties from customer_event"
                  + " where customer_id = :c")
          .param("c", customerId)
          .query(
              rs -> {
                rows.put(
                    rs.getLong(1),
                    rs.getLong(2)
                        + "|"
                        + rs.getString(3)
                        + "|"
                        + rs.getString(4)
                        + "|"
                        + rs.getString(5));
              });
    }
    return rows;
  }

  private static String row(NewEvent e) {
    return e.customerId() + "|" + e.type() + "|" + e.messageId() + "|" + e.properties();
  }

  /** Each stored event matched with the row its id names, in the order given. */
  private static Map<Long, String> byId(EventsRecorded recorded) {
    assertThat(recorded.eventIds()).hasSameSizeAs(recorded.events().toArray());
    Map<Long, String> expected = new HashMap<>();
    for (int i = 0; i < recorded.eventIds().length; i++) {
      expected.put(recorded.eventIds()[i], row(recorded.events().get(i)));
    }
    return expected;
  }

  @Test
  void recordedEventsCarryTheIdsOfTheRowsStoredAndSkippedOnesNone() {
    long a = customers.get(customer("甲")).id();
    long b = customers.get(customer("乙")).id();
    String m = unique("m");
    Instant at = Instant.parse("2026-03-29T01:30:00.123Z");
    EventsRecorded first =
        record(List.of(new NewEvent(a, "view", at, null, null, null, m + "-stored", "api")));
    String quoted = "{\"note\":\"a \\\"quoted\\\" 'single' \\\\ {brace}, NULL, 北京\"}";
    NewEvent order = new NewEvent(a, "order", at, "O1", new BigDecimal("12.50"), quoted, m, "api");
    NewEvent storedRepeat = new NewEvent(b, "view", at, null, null, null, m + "-stored", "api");
    NewEvent anonymousCart =
        new NewEvent(b, "cart", at, null, null, "{\"城市\":\"上海\"}", null, "api");
    NewEvent listRepeat = new NewEvent(a, "view", at, null, null, "{}", m, "api");
    NewEvent anonymousView = new NewEvent(b, "view", at, null, null, "NULL", null, null);
    NewEvent last = new NewEvent(a, "pay", at, "\"O2\"", null, "", m + "-2", "api");

    EventsRecorded recorded =
        record(List.of(order, storedRepeat, anonymousCart, listRepeat, anonymousView, last));

    assertThat(recorded.events()).containsExactly(order, anonymousCart, anonymousView, last);
    Map<Long, String> rows = rowsOf(a, b);
    rows.remove(first.eventIds()[0]);
    assertThat(byId(recorded)).isEqualTo(rows);
  }

  @Test
  void idsMatchTheirRowsAcrossBatchesOfAThousandRows() {
    long a = customers.get(customer("丙")).id();
    String m = unique("m");
    Instant at = Instant.parse("2026-03-29T01:30:00Z");
    List<NewEvent> earlier = new ArrayList<>();
    for (int i = 0; i < 2500; i += 7) {
      earlier.add(new NewEvent(a, "view", at, null, null, null, m + "-" + i, "api"));
    }
    EventsRecorded first = record(earlier);
    List<NewEvent> batch = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      String message = i % 5 == 0 ? null : m + "-" + i; // every 7th stored already
      batch.add(
          new NewEvent(a, "t" + (i % 3), at, null, null, "{\"n\":" + i + "}", message, "api"));
    }

    EventsRecorded recorded = record(batch);

    Set<String> stored = new HashSet<>();
    earlier.forEach(e -> stored.add(e.messageId()));
    assertThat(recorded.events())
        .containsExactlyElementsOf(
            batch.stream()
                .filter(e -> e.messageId() == null || !stored.contains(e.messageId()))
                .toList());
    Map<Long, String> rows = rowsOf(a);
    rows.keySet().removeAll(byId(first).keySet());
    assertThat(byId(recorded)).isEqualTo(rows);
  }

  @Test
  void duplicateCategoryCodeIsRefused() {
    String code = category();
    assertThatThrownBy(() -> taxonomy.createCategory(new NewCategory(code, null, "重复", "Dup", 0)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void subCategoryNeedsAnExistingParent() {
    assertThatThrownBy(
            () ->
                taxonomy.createCategory(
                    new NewCategory(unique("sub"), "missing_parent", "子", "Sub", 0)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void treeNestsSubCategoriesAndTheirTags() {
    String parent = category();
    String child = unique("child");
    taxonomy.createCategory(new NewCategory(child, parent, "子分类", "Child", 1));
    String tag = tag(child, TagStatus.ACTIVE);
    var node =
        taxonomy.tree().stream()
            .filter(n -> n.category().code().equals(parent))
            .findFirst()
            .orElseThrow();
    assertThat(node.children()).hasSize(1);
    assertThat(node.children().get(0).tags()).extracting(t -> t.code()).containsExactly(tag);
    assertThat(node.tagCount()).isEqualTo(1);
  }

  @Test
  void assignmentIsStoredWithProvenanceAndIndexed() {
    String tag = tag(category(), TagStatus.ACTIVE);
    String id = customer("王五");
    assertThat(
            tagging.assign(id, tag, AssignOptions.NONE, AssignmentSource.MANUAL, "alice").added())
        .isEqualTo(1);
    assertThat(
            tagging
                .assign(id, tag, AssignOptions.NONE, AssignmentSource.MANUAL, "alice")
                .unchanged())
        .isEqualTo(1);
    var held = tagging.tagsOf(id);
    assertThat(held)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.code()).isEqualTo(tag);
              assertThat(t.actor()).isEqualTo("alice");
              assertThat(t.source()).isEqualTo(AssignmentSource.MANUAL);
            });
    assertThat(index.count(tag)).isEqualTo(1);
    assertThat(index.tagsOf(id)).containsExactly(tag);
  }

  @Test
  void archivedTagCannotBeAssigned() {
    String tag = tag(category(), TagStatus.ARCHIVED);
    String id = customer("赵六");
    assertThatThrownBy(
            () -> tagging.assign(id, tag, AssignOptions.NONE, AssignmentSource.MANUAL, "alice"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("ARCHIVED");
    assertThat(tagging.tagsOf(id)).isEmpty();
    assertThat(index.count(tag)).isZero();
  }

  @Test
  void unassignRemovesFromDatabaseAndIndex() {
    String tag = tag(category(), TagStatus.ACTIVE);
    String id = customer("钱七");
    tagging.assign(id, tag, AssignOptions.NONE, AssignmentSource.API, "key");
    assertThat(tagging.unassign(id, tag, AssignmentSource.API, "key", null)).isTrue();
    assertThat(tagging.unassign(id, tag, AssignmentSource.API, "key", null)).isFalse();
    assertThat(tagging.tagsOf(id)).isEmpty();
    assertThat(index.count(tag)).isZero();
  }

  @Test
  void rebuiltIndexMatchesWhatWasKeptInStep() {
    String category = category();
    String a = tag(category, TagStatus.ACTIVE);
    String b = tag(category, TagStatus.ACTIVE);
    for (int i = 0; i < 30; i++) {
      String id = customer("客户" + i);
      if (i % 2 == 0) {
        tagging.assign(id, a, AssignOptions.NONE, AssignmentSource.MANUAL, "t");
      }
      if (i % 3 == 0) {
        tagging.assign(id, b, AssignOptions.NONE, AssignmentSource.MANUAL, "t");
      }
    }
    Condition aNotB = Condition.and(List.of(Condition.tag(a), Condition.not(Condition.tag(b))));
    long before = index.count(aNotB);
    int population = index.population();
    index.rebuild();
    assertThat(before).isEqualTo(10);
    assertThat(index.count(aNotB)).isEqualTo(before);
    assertThat(index.population()).isEqualTo(population);
  }
}
