package io.tagbase.ingest;

import java.util.List;
import java.util.Map;

/**
 * How the columns of a file become customers or events; saved as a reusable template.
 *
 * @param fields target field -> source. Customers: externalId, the identifiers userId, phone,
 *     email, crmId, wecom, anonymousId, the built-in displayName, gender, age, city, channel,
 *     signupDate, and custom fields by code. Events: customer, type, timestamp, orderId, amount.
 * @param customerKey events: what the customer column holds, "externalId" (the default) or an
 *     identifier kind (userId, phone, email, crmId, wecom, anonymousId)
 * @param dateFormat a java.time pattern for timestamps and dates (yyyy/MM/dd HH:mm); null for
 *     lenient parsing
 * @param properties events: columns kept as the event's properties
 * @param keyColumn events: a column unique per event (a line id); re-imports are recognised by it.
 *     Null: by the file's content and the line number.
 */
public record ImportMapping(
    ImportKind kind,
    Map<String, ImportSource> fields,
    String customerKey,
    String dateFormat,
    List<String> properties,
    String keyColumn) {

  public ImportMapping {
    fields = fields == null ? Map.of() : Map.copyOf(fields);
    properties = properties == null ? List.of() : List.copyOf(properties);
  }

  public ImportMapping withKind(ImportKind k) {
    return new ImportMapping(k, fields, customerKey, dateFormat, properties, keyColumn);
  }
}
