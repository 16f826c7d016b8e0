package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.customer.AttributeDefinition;
import io.tagbase.customer.AttributeType;
import io.tagbase.customer.IdentityKind;
import io.tagbase.customer.NewCustomer;
import io.tagbase.web.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mapping rows to events and customers: coercion, and a clear reason for every bad row. */
class ImportRowsTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final List<String> ORDERS =
      List.of("InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country");
  static final ImportMapping ORDER_MAPPING =
      new ImportMapping(
          ImportKind.EVENTS,
          Map.of(
              "customer", ImportSource.column("CustomerID"),
              "type", ImportSource.constant("order"),
              "timestamp", ImportSource.column("InvoiceDate"),
              "orderId", ImportSource.column("InvoiceNo"),
              "amount", ImportSource.expression("Quantity * UnitPrice")),
          null,
          null,
          List.of("Country"),
          null);

  static ImportedRow order(int line, String... cells) {
    return ImportRows.compile(ORDER_MAPPING, ORDERS, List.of(), ZONE, "abc")
        .convert(new TabularRow(line, List.of(cells)));
  }

  @Test
  void orderLineBecomesAnOrderEventWithComputedAmount() {
    ImportedRow row = order(2, "536365", "6", "2010-12-01 08:26:00", "2.55", "17850.0", "UK");
    IncomingEvent e = (IncomingEvent) row.record();
    assertThat(row.error()).isNull();
    assertThat(e.externalId()).isEqualTo("17850");
    assertThat(e.amount()).isEqualByComparingTo("15.30");
    assertThat(e.orderId()).isEqualTo("536365");
    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2010-12-01T00:26:00Z"));
    assertThat(e.properties()).isEqualTo("{\"Country\":\"UK\"}");
    assertThat(e.messageId()).isEqualTo("import:abc:2");
  }

  @Test
  void eachBadRowSaysWhy() {
    assertThat(order(7, "1", "6", "2010-12-01 08:26:00", "2.55", "", "UK").error())
        .isEqualTo("the customer (CustomerID) is empty");
    assertThat(order(8, "1", "x", "2010-12-01 08:26:00", "2.55", "1", "UK").error())
        .isEqualTo("'x' in column Quantity is not a number");
    assertThat(order(9, "1", "6", "yesterday", "2.55", "1", "UK").error()).contains("'yesterday'");
    assertThat(order(10, "1", "6", "2010-13-01 08:26:00", "2.55", "1", "UK").error())
        .contains("not a valid date");
  }

  @Test
  void badRowKeepsItsLineNumberAndRawCellsForTheReport() {
    ImportedRow row = order(624, "1", "6", "2010-12-01 08:26:00", "2.55", "", "UK");
    assertThat(row.line()).isEqualTo(624);
    assertThat(ImportRunner.item(row)).isEqualTo("1,6,2010-12-01 08:26:00,2.55,,UK");
  }

  @Test
  void dateFormatIsApplied() {
    ImportMapping m =
        new ImportMapping(
            ImportKind.EVENTS,
            ORDER_MAPPING.fields(),
            "phone",
            "dd/MM/yyyy HH:mm",
            List.of(),
            null);
    ImportedRow row =
        ImportRows.compile(m, ORDERS, List.of(), ZONE, "k")
            .convert(
                new TabularRow(2, List.of("1", "2", "05/01/2026 09:30", "1", "138 0013 8000", "")));
    IncomingEvent e = (IncomingEvent) row.record();
    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-01-05T01:30:00Z"));
    assertThat(e.identities().get(0).kind()).isEqualTo(IdentityKind.PHONE);
    assertThat(e.identities().get(0).value()).isEqualTo("13800138000");
  }

  @Test
  void mappingToAMissingColumnIsRefusedNamingTheField() {
    ImportMapping m =
        new ImportMapping(
            ImportKind.EVENTS,
            Map.of(
                "customer", ImportSource.column("Nobody"),
                "type", ImportSource.constant("x"),
                "timestamp", ImportSource.column("InvoiceDate")),
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> ImportRows.compile(m, ORDERS, List.of(), ZONE, "k"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("mapping.fields.customer");
  }

  static final List<String> PEOPLE = List.of("id", "姓名", "性别", "年龄", "手机", "等级", "注册日期");
  static final AttributeDefinition LEVEL =
      new AttributeDefinition(
          1,
          "level",
          "等级",
          "Level",
          AttributeType.ENUM,
          List.of("gold", "silver"),
          false,
          false,
          null);

  static ImportedRow person(String... cells) {
    ImportMapping m =
        new ImportMapping(
            ImportKind.CUSTOMERS,
            Map.of(
                "externalId", ImportSource.column("id"),
                "displayName", ImportSource.column("姓名"),
                "gender", ImportSource.column("性别"),
                "age", ImportSource.column("年龄"),
                "phone", ImportSource.column("手机"),
                "level", ImportSource.column("等级"),
                "signupDate", ImportSource.column("注册日期"),
                "channel", ImportSource.constant("offline")),
            null,
            null,
            null,
            null);
    return ImportRows.compile(m, PEOPLE, List.of(LEVEL), ZONE, "k")
        .convert(new TabularRow(3, List.of(cells)));
  }

  @Test
  void customerRowIsCoerced() {
    ImportedRow row = person("C1", "王芳", "女", "31", "+86 138-0013-8000", "gold", "2026/1/5");
    NewCustomer c = (NewCustomer) row.record();
    assertThat(row.error()).isNull();
    assertThat(c.gender()).isEqualTo("female");
    assertThat(c.age()).isEqualTo(31);
    assertThat(c.phone()).isEqualTo("13800138000");
    assertThat(c.channel()).isEqualTo("offline");
    assertThat(c.signupDate()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(c.attributes()).containsEntry("level", "gold");
  }

  @Test
  void badCustomerRowsSayWhy() {
    assertThat(person("C1", "a", "x", "31", "", "", "").error()).contains("gender 'x'");
    assertThat(person("C1", "a", "男", "200", "", "", "").error()).contains("age 200");
    assertThat(person("C1", "a", "男", "30", "12", "", "").error()).contains("phone");
    assertThat(person("C1", "a", "男", "30", "", "platinum", "").error())
        .startsWith("level: 'platinum' is not one of gold, silver");
    assertThat(person("a b", "a", "男", "30", "", "", "").error()).contains("externalId 'a b'");
    assertThat(person("C1", "a", "男", "30", "", "", "soon").error()).contains("not a date");
  }

  @Test
  void unknownCustomFieldIsRefused() {
    ImportMapping m =
        new ImportMapping(
            ImportKind.CUSTOMERS,
            Map.of("externalId", ImportSource.column("id"), "vip", ImportSource.column("等级")),
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> ImportRows.compile(m, PEOPLE, List.of(LEVEL), ZONE, "k"))
        .hasMessageContaining("no built-in or custom field 'vip'");
  }

  @Test
  void spreadsheetIntegerIdsLoseTheirDecimalZero() {
    assertThat(ImportValues.id("17850.0")).isEqualTo("17850");
    assertThat(ImportValues.id("17850.5")).isEqualTo("17850.5");
    assertThat(ImportValues.id("A1.0")).isEqualTo("A1.0");
  }
}
