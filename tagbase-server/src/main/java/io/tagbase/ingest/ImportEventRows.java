package io.tagbase.ingest;

import io.tagbase.customer.Identity;
import io.tagbase.customer.IdentityKind;
import io.tagbase.web.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of an event or order file. Each event gets a deterministic message id (from the key column,
 * or the file's content and the line), so importing a file again stores nothing twice.
 */
final class ImportEventRows extends ImportRows {
  // amount is numeric(14, 2)
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

  private final IdentityKind customerKind;
  private final List<Integer> properties = new ArrayList<>();
  private final List<String> header;
  private final int keyColumn;
  private final String fileKey;
  private String lastTime;
  private Instant lastInstant;

  ImportEventRows(
      Map<String, ImportCell> cells,
      DateTimeFormatter format,
      ZoneId zone,
      ImportMapping mapping,
      List<String> header,
      String fileKey) {
    super(cells, format, zone);
    this.header = header;
    this.fileKey = fileKey;
    for (String target : List.of("customer", "type", "timestamp")) {
      if (!cells.containsKey(target)) {
        throw new InvalidInputException(
            "mapping.fields." + target, "mapping.fields." + target + " is required for events.");
      }
    }
    for (String target : cells.keySet()) {
      if (!ImportKind.EVENTS.targets().contains(target)) {
        throw new InvalidInputException(
            "mapping.fields." + target,
            "mapping.fields."
                + target
                + ": events have customer, type, timestamp, orderId, amount;"
                + " keep other columns as properties.");
      }
    }
    String key = mapping.customerKey();
    try {
      customerKind =
          key == null || key.isBlank() || key.equalsIgnoreCase("externalId")
              ? null
              : IdentityKind.parse(key);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "mapping.customerKey",
          "customerKey is externalId, userId, phone, email, crmId or wecom.");
    }
    for (String column : mapping.properties()) {
      int index = ImportColumns.indexOf(header, column);
      if (index < 0) {
        throw new InvalidInputException(
            "mapping.properties", "mapping.properties: the file has no column '" + column + "'.");
      }
      properties.add(index);
    }
    keyColumn = ImportColumns.indexOf(header, mapping.keyColumn());
    if (mapping.keyColumn() != null && !mapping.keyColumn().isBlank() && keyColumn < 0) {
      throw new InvalidInputException(
          "mapping.keyColumn",
          "mapping.keyColumn: the file has no column '" + mapping.keyColumn() + "'.");
    }
  }

  @Override
  ImportedRow convert(TabularRow row) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      String customer = text("customer", row);
      if (customer == null) {
        throw new IllegalArgumentException(
            "the customer (" + cells.get("customer").name() + ") is empty");
      }
      String externalId = null;
      List<Identity> ids = List.of();
      if (customerKind == null) {
        externalId = ImportValues.id(customer);
        if (externalId.length() > MAX_ID || !externalId.matches("[^\\s/]+")) {
          throw new IllegalArgumentException(
              "customer id '" + customer + "' has spaces or / or is too long");
        }
      } else {
        ids = List.of(Identity.of(customerKind, customer));
      }
      values.put("customer", externalId != null ? externalId : ids.get(0).value());
      String type = checkLength(text("type", row), EventRequests.MAX_TYPE, "type");
      if (type == null) {
        throw new IllegalArgumentException("the event type is empty");
      }
      values.put("type", type);
      Instant at = time(row);
      values.put("timestamp", at.toString());
      String orderId = checkLength(text("orderId", row), 100, "orderId");
      if (orderId != null) {
        values.put("orderId", orderId);
      }
      BigDecimal amount = amount(row);
      if (amount != null) {
        values.put("amount", amount.toPlainString());
      }
      String json = properties(row);
      if (json != null) {
        values.put("properties", json);
      }
      IncomingEvent event =
          new IncomingEvent(
              externalId, ids, type, at, json, messageId(row), orderId, amount, "import");
      return new ImportedRow(row.line(), values, event, null);
    } catch (IllegalArgumentException e) {
      return ImportedRow.refused(row, values, e.getMessage());
    }
  }

  private Instant time(TabularRow row) {
    String raw = text("timestamp", row);
    if (raw == null) {
      throw new IllegalArgumentException(
          "the time (" + cells.get("timestamp").name() + ") is empty");
    }
    // Order lines of one order share their time: parse each distinct time once.
    if (!raw.equals(lastTime)) {
      lastInstant = ImportValues.instant(raw, format, zone);
      lastTime = raw;
    }
    return lastInstant;
  }

  private BigDecimal amount(TabularRow row) {
    ImportCell cell = cells.get("amount");
    if (cell == null) {
      return null;
    }
    BigDecimal amount = cell.number(row).setScale(2, RoundingMode.HALF_UP);
    if (amount.abs().compareTo(MAX_AMOUNT) >= 0) {
      throw new IllegalArgumentException("amount " + amount.toPlainString() + " is too large");
    }
    return amount;
  }

  private String messageId(TabularRow row) {
    if (keyColumn >= 0) {
      String key = row.cell(keyColumn);
      if (key == null) {
        throw new IllegalArgumentException("the key column " + header.get(keyColumn) + " is empty");
      }
      return checkLength("import:key:" + key, MAX_ID, "the key");
    }
    return "import:" + fileKey + ":" + row.line();
  }

  private String properties(TabularRow row) {
    if (properties.isEmpty()) {
      return null;
    }
    StringBuilder json = new StringBuilder("{");
    for (int index : properties) {
      String value = row.cell(index);
      if (value != null) {
        json.append(json.length() > 1 ? "," : "");
        PropertiesJson.string(json, header.get(index)).append(':');
        PropertiesJson.string(json, value);
      }
    }
    String text = json.append('}').toString();
    return checkLength(text, EventRequests.MAX_PROPERTIES, "properties");
  }
}
