package io.tagbase.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Coerces raw values (from JSON, forms or files) into a field's canonical form, or says why it
 * cannot. Lenient where people are: "1,234.5" is a number, "是" is true, "2026/1/5" is a date.
 */
public final class AttributeValues {
  private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "是", "t");
  private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "否", "f");
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-M-d[ H:m[:s][.SSS]]");

  private AttributeValues() {}

  /** The checked value, or an {@link IllegalArgumentException} whose message says what to fix. */
  public static AttributeValue coerce(AttributeDefinition def, Object raw, ZoneId zone) {
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      throw new IllegalArgumentException("is empty");
    }
    return switch (def.type()) {
      case STRING -> string(raw);
      case NUMBER -> number(raw);
      case BOOLEAN -> bool(raw);
      case DATE -> date(raw, zone);
      case DATETIME -> dateTime(raw, zone);
      case ENUM -> option(def, raw);
      case LIST -> list(raw);
    };
  }

  private static AttributeValue string(Object raw) {
    String s = raw.toString().trim();
    if (s.length() > 4000) {
      throw new IllegalArgumentException("is longer than 4000 characters");
    }
    return new AttributeValue(s, null);
  }

  private static AttributeValue number(Object raw) {
    try {
      BigDecimal n =
          raw instanceof Number num
              ? new BigDecimal(num.toString())
              : new BigDecimal(raw.toString().trim().replace(",", ""));
      return new AttributeValue(n.stripTrailingZeros().toPlainString(), n.doubleValue());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + raw + "' is not a number");
    }
  }

  private static AttributeValue bool(Object raw) {
    String s = raw.toString().trim().toLowerCase(Locale.ROOT);
    if (TRUE.contains(s)) {
      return new AttributeValue("true", 1.0);
    }
    if (FALSE.contains(s)) {
      return new AttributeValue("false", 0.0);
    }
    throw new IllegalArgumentException("'" + raw + "' is not true or false");
  }

  /** A date: yyyy-MM-dd (or / separated, unpadded), or the date part of a time. */
  public static LocalDate parseDate(String text, ZoneId zone) {
    String s = text.trim().replace('/', '-');
    try {
      return LocalDate.parse(s, DateTimeFormatter.ofPattern("yyyy-M-d"));
    } catch (DateTimeParseException e) {
      return LocalDate.ofInstant(parseInstant(s, zone), zone);
    }
  }

  /**
   * A moment: ISO-8601 with an offset or Z, or a local "yyyy-MM-dd HH:mm[:ss]" (also with a T or
   * unpadded fields) taken in {@code zone}.
   */
  public static Instant parseInstant(String text, ZoneId zone) {
    String s = text.trim();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        String local = s.replace('T', ' ').replace('/', '-');
        try {
          return LocalDateTime.parse(local, LOCAL_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e3) {
          throw new IllegalArgumentException("'" + text + "' is not a date and time");
        }
      }
    }
  }

  private static AttributeValue date(Object raw, ZoneId zone) {
    try {
      LocalDate day = parseDate(raw.toString(), zone);
      return new AttributeValue(day.toString(), (double) day.toEpochDay());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException("'" + raw + "' is not a date (yyyy-MM-dd)");
    }
  }

  private static AttributeValue dateTime(Object raw, ZoneId zone) {
    Instant at = parseInstant(raw.toString(), zone);
    return new AttributeValue(at.toString(), (double) at.getEpochSecond());
  }

  private static AttributeValue option(AttributeDefinition def, Object raw) {
    String s = raw.toString().trim();
    if (!def.options().contains(s)) {
      throw new IllegalArgumentException(
          "'" + s + "' is not one of " + String.join(", ", def.options()));
    }
    return new AttributeValue(s, null);
  }

  private static AttributeValue list(Object raw) {
    List<String> items = new ArrayList<>();
    if (raw instanceof Collection<?> c) {
      c.forEach(i -> items.add(String.valueOf(i).trim()));
    } else {
      for (String part : raw.toString().split("[,，;；|]")) {
        if (!part.isBlank()) {
          items.add(part.trim());
        }
      }
    }
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      json.append(i == 0 ? "" : ",").append('"');
      json.append(items.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    String text = json.append(']').toString();
    if (text.length() > 4000) {
      throw new IllegalArgumentException("is longer than 4000 characters");
    }
    return new AttributeValue(text, null);
  }
}
