package io.tagbase.ingest;

import io.tagbase.customer.AttributeDefinition;
import io.tagbase.customer.AttributeValues;
import io.tagbase.customer.Identity;
import io.tagbase.customer.IdentityKind;
import io.tagbase.customer.NewCustomer;
import io.tagbase.web.InvalidInputException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rows of a customer file: built-in fields, identifiers and custom fields, checked per row. */
final class ImportCustomerRows extends ImportRows {
  private static final Set<String> IDENTITIES =
      Set.of("userId", "crmId", "wecom", "anonymousId", "phone", "email");
  private static final Map<String, String> GENDERS =
      Map.of(
          "male", "male", "m", "male", "男", "male", "female", "female", "f", "female", "女",
          "female", "unknown", "unknown", "未知", "unknown");

  private final Map<String, AttributeDefinition> custom = new HashMap<>();

  ImportCustomerRows(
      Map<String, ImportCell> cells,
      DateTimeFormatter format,
      ZoneId zone,
      List<AttributeDefinition> fields) {
    super(cells, format, zone);
    Map<String, AttributeDefinition> byCode = new HashMap<>();
    fields.forEach(f -> byCode.put(f.code(), f));
    for (String target : cells.keySet()) {
      if (ImportKind.CUSTOMERS.targets().contains(target)) {
        continue;
      }
      AttributeDefinition def = byCode.get(target);
      if (def == null) {
        throw new InvalidInputException(
            "mapping.fields." + target,
            "mapping.fields." + target + ": no built-in or custom field '" + target + "'.");
      }
      custom.put(target, def);
    }
    if (cells.keySet().stream().noneMatch(t -> t.equals("externalId") || IDENTITIES.contains(t))) {
      throw new InvalidInputException(
          "mapping.fields.externalId",
          "Map externalId or at least one identifier (userId, phone, email, crmId, wecom).");
    }
  }

  @Override
  ImportedRow convert(TabularRow row) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      String externalId = text("externalId", row);
      if (externalId != null) {
        externalId = ImportValues.id(externalId);
        if (externalId.length() > MAX_ID || !externalId.matches("[^\\s/]+")) {
          throw new IllegalArgumentException(
              "externalId '" + externalId + "' must be at most 200 characters without spaces or /");
        }
        values.put("externalId", externalId);
      }
      Map<String, String> ids = new LinkedHashMap<>();
      for (String target : IDENTITIES) {
        String raw = text(target, row);
        if (raw != null) {
          String value = identity(target, raw);
          values.put(target, value);
          if (!target.equals("phone") && !target.equals("email")) {
            ids.put(target, value);
          }
        }
      }
      if (externalId == null && !values.keySet().stream().anyMatch(IDENTITIES::contains)) {
        throw new IllegalArgumentException(
            "no externalId and no identifier: nothing names the customer");
      }
      String name =
          put(values, "displayName", checkLength(text("displayName", row), 200, "displayName"));
      String gender = put(values, "gender", gender(text("gender", row)));
      Integer age = age(text("age", row));
      put(values, "age", age == null ? null : age.toString());
      String city = put(values, "city", checkLength(text("city", row), 100, "city"));
      String channel = put(values, "channel", checkLength(text("channel", row), 40, "channel"));
      String signup = text("signupDate", row);
      var signupDate = signup == null ? null : ImportValues.date(signup, format, zone);
      put(values, "signupDate", signupDate == null ? null : signupDate.toString());
      Map<String, Object> attributes = new LinkedHashMap<>();
      for (var entry : custom.entrySet()) {
        String raw = text(entry.getKey(), row);
        if (raw != null) {
          String checked = coerce(entry.getValue(), raw);
          values.put(entry.getKey(), checked);
          attributes.put(entry.getKey(), raw);
        }
      }
      NewCustomer customer =
          new NewCustomer(
              externalId,
              name,
              gender,
              age,
              city,
              channel,
              signupDate,
              values.get("phone"),
              values.get("email"),
              ids,
              attributes);
      return new ImportedRow(row.line(), values, customer, null);
    } catch (IllegalArgumentException e) {
      return ImportedRow.refused(row, values, e.getMessage());
    }
  }

  private String coerce(AttributeDefinition def, String raw) {
    try {
      return AttributeValues.coerce(def, raw, zone).text();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(def.code() + ": " + e.getMessage());
    }
  }

  private static String identity(String target, String raw) {
    try {
      return Identity.of(IdentityKind.parse(target), raw).value();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(target + " " + e.getMessage());
    }
  }

  private static String put(Map<String, String> values, String key, String value) {
    if (value != null) {
      values.put(key, value);
    }
    return value;
  }

  private static String gender(String raw) {
    if (raw == null) {
      return null;
    }
    String g = GENDERS.get(raw.trim().toLowerCase(Locale.ROOT));
    if (g == null) {
      throw new IllegalArgumentException("gender '" + raw + "' is not male/男, female/女 or unknown");
    }
    return g;
  }

  private static Integer age(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      int age = ImportValues.number(raw, "age").intValueExact();
      if (age < 0 || age > 150) {
        throw new IllegalArgumentException("age " + age + " is not between 0 and 150");
      }
      return age;
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("age '" + raw + "' is not a whole number");
    }
  }
}
