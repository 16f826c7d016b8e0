package io.tagbase.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps as tracking libraries really send them: ISO-8601 with Z or an offset, fields not
 * zero-padded ("2015-2-02T00:30:08.276Z", as in Segment's own examples), a space instead of T, any
 * number of fraction digits, or no zone (then the configured zone applies). Epoch milliseconds as a
 * number are accepted too.
 */
public final class LenientTime {
  private static final Pattern LOOSE =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:[.,](\\d{1,9}))?)?)?"
              + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");

  private LenientTime() {}

  /** The instant, or an {@link IllegalArgumentException} saying the text is not a time. */
  public static Instant parse(Object value, ZoneId zone) {
    if (value instanceof Number millis) {
      return Instant.ofEpochMilli(millis.longValue());
    }
    String text = String.valueOf(value).trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException ignored) {
      // Not strict ISO-8601: try the loose form below.
    }
    Matcher m = LOOSE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 time");
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
              m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
              m.group(7) == null ? 0 : nanos(m.group(7)));
      String offset = m.group(8);
      if (offset == null) {
        return local.atZone(zone).toInstant();
      }
      return local.toInstant(
          offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(normalize(offset)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid time");
    }
  }

  private static int nanos(String fraction) {
    return Integer.parseInt((fraction + "000000000").substring(0, 9));
  }

  private static String normalize(String offset) {
    String digits = offset.substring(1).replace(":", "");
    String hhmm = digits.length() == 2 ? digits + "00" : digits;
    return offset.charAt(0) + hhmm.substring(0, 2) + ":" + hhmm.substring(2);
  }
}
