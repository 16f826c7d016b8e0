package io.tagbase.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Coerces cells of imported files into numbers, times and ids, with a reason a person can act on
 * when a cell will not do ({@link IllegalArgumentException}). Stateless and thread-safe.
 */
final class ImportValues {
  private ImportValues() {}

  /** A number such as "1,234.50", "¥12" or "-3"; blank or not a number is refused. */
  static BigDecimal number(String cell, String column) {
    if (cell == null || cell.isBlank()) {
      throw new IllegalArgumentException("column " + column + " is empty");
    }
    String s = cell.trim();
    if (s.startsWith("¥") || s.startsWith("￥") || s.startsWith("$")) {
      s = s.substring(1);
    }
    try {
      return new BigDecimal(s.indexOf(',') >= 0 ? s.replace(",", "") : s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + cell + "' in column " + column + " is not a number");
    }
  }

  /**
   * An id as spreadsheets export it: "17850.0" (an integer written as a decimal) is read as
   * "17850"; anything else is kept as it is, trimmed.
   */
  static String id(String cell) {
    String s = cell.trim();
    int dot = s.indexOf('.');
    if (dot > 0 && dot < s.length() - 1) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (i < dot ? !Character.isDigit(c) : i > dot && c != '0') {
          return s;
        }
      }
      return s.substring(0, dot);
    }
    return s;
  }

  /** A formatter for a user-given pattern such as yyyy/MM/dd HH:mm; 400-worthy when invalid. */
  static DateTimeFormatter pattern(String pattern) {
    try {
      return DateTimeFormatter.ofPattern(pattern);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + pattern + "' is not a date format (for example yyyy-MM-dd HH:mm:ss)");
    }
  }

  /**
   * A moment: with {@code format} when given (a date-only format means the start of that day in
   * {@code zone}), else leniently (ISO-8601, "yyyy-MM-dd HH:mm:ss" local, epoch milliseconds).
   */
  static Instant instant(String cell, DateTimeFormatter format, ZoneId zone) {
    String s = cell.trim();
    if (format != null) {
      try {
        TemporalAccessor t = format.parse(s);
        if (t.isSupported(ChronoField.HOUR_OF_DAY)) {
          return LocalDateTime.from(t).atZone(zone).toInstant();
        }
        return LocalDate.from(t).atStartOfDay(zone).toInstant();
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("'" + s + "' does not match the date format");
      }
    }
    Instant fast = localDateTime(s, zone);
    if (fast != null) {
      return fast;
    }
    if (s.chars().allMatch(Character::isDigit) && s.length() >= 10) {
      return Instant.ofEpochMilli(Long.parseLong(s));
    }
    return LenientTime.parse(s.replace('/', '-'), zone);
  }

  /** A date, with {@code format} when given, else yyyy-MM-dd and its usual variants. */
  static LocalDate date(String cell, DateTimeFormatter format, ZoneId zone) {
    if (format != null) {
      try {
        return LocalDate.from(format.parse(cell.trim()));
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("'" + cell + "' does not match the date format");
      }
    }
    try {
      return io.tagbase.customer.AttributeValues.parseDate(cell, zone);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException("'" + cell + "' is not a date (yyyy-MM-dd)");
    }
  }

  /**
   * The common "yyyy-MM-dd HH:mm[:ss]" without a zone, parsed by hand: order exports hold hundreds
   * of thousands of them, and the general parsers cost an exception each.
   */
  private static Instant localDateTime(String s, ZoneId zone) {
    int n = s.length();
    if ((n != 16 && n != 19) || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':') {
      return null;
    }
    char sep = s.charAt(10);
    if ((sep != ' ' && sep != 'T') || (n == 19 && s.charAt(16) != ':')) {
      return null;
    }
    int[] at = {0, 5, 8, 11, 14, 17};
    int[] v = new int[6];
    for (int f = 0; f < (n == 19 ? 6 : 5); f++) {
      int width = f == 0 ? 4 : 2;
      for (int i = at[f]; i < at[f] + width; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        v[f] = v[f] * 10 + (c - '0');
      }
    }
    try {
      return LocalDateTime.of(v[0], v[1], v[2], v[3], v[4], v[5]).atZone(zone).toInstant();
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("'" + s + "' is not a valid date and time");
    }
  }
}
