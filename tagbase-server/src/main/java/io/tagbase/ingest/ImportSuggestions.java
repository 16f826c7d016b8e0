package io.tagbase.ingest;

import io.tagbase.customer.AttributeDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A first mapping for a new file, from its column names: what the wizard pre-fills. */
final class ImportSuggestions {
  private ImportSuggestions() {}

  static ImportMapping suggest(
      ImportKind kind, List<String> header, List<AttributeDefinition> customFields) {
    Map<String, ImportSource> fields = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (String target : kind.targets()) {
      String column = ImportColumns.suggest(target, header);
      if (column != null && used.add(column)) {
        fields.put(target, ImportSource.column(column));
      }
    }
    if (kind == ImportKind.CUSTOMERS) {
      for (AttributeDefinition def : customFields) {
        for (String column : header) {
          boolean named =
              column.equalsIgnoreCase(def.code())
                  || column.equals(def.nameZh())
                  || column.equalsIgnoreCase(def.nameEn());
          if (named && used.add(column)) {
            fields.put(def.code(), ImportSource.column(column));
          }
        }
      }
      return new ImportMapping(kind, fields, null, null, List.of(), null);
    }
    String amount = fields.containsKey("amount") ? null : ImportColumns.suggestAmount(header);
    if (amount != null) {
      fields.put("amount", ImportSource.expression(amount));
    }
    if (!fields.containsKey("type")) {
      boolean order = fields.containsKey("orderId") || fields.containsKey("amount");
      fields.put("type", ImportSource.constant(order ? "order" : "event"));
    }
    List<String> properties = new ArrayList<>();
    for (String column : header) {
      if (!used.contains(column)) {
        properties.add(column);
      }
    }
    return new ImportMapping(kind, fields, "externalId", null, properties, null);
  }
}
