package io.tagbase.privacy;

import java.util.Locale;

/**
 * How personal data looks masked: enough left to recognise it on a call ("138****1234",
 * "z***@example.com"), not enough to use it. Pure functions; null stays null.
 */
public final class Masks {
  private Masks() {}

  /**
   * Masks {@code value} by its kind: phone, email, id_number, address, or anything else (a name, an
   * account id), which keeps only its first character.
   */
  public static String mask(String kind, String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
    if (k.contains("phone") || k.contains("mobile") || k.equals("tel")) {
      return phone(value);
    }
    if (k.contains("email") || k.contains("mail")) {
      return email(value);
    }
    if (k.contains("id_number") || k.contains("idnumber") || k.contains("id_card")) {
      return keep(value, 3, 4);
    }
    if (k.contains("address") || k.contains("addr")) {
      return keep(value, Math.min(6, value.length() / 2), 0);
    }
    return first(value);
  }

  /** The first character and three stars, whatever the length (the length is not told either). */
  private static String first(String value) {
    return value.substring(0, value.offsetByCodePoints(0, 1)) + "***";
  }

  /** 13812341234 -> 138****1234; +8613812341234 -> +86138****1234; short numbers keep less. */
  public static String phone(String value) {
    if (value == null) {
      return null;
    }
    int digits = value.length();
    if (digits >= 11) {
      return keep(value, digits - 8, 4);
    }
    if (digits >= 7) {
      return keep(value, 3, 4 - (11 - digits) / 2);
    }
    return first(value);
  }

  /** zhang@example.com -> z***@example.com; without an @ like any other text. */
  public static String email(String value) {
    if (value == null) {
      return null;
    }
    int at = value.indexOf('@');
    if (at <= 0) {
      return first(value);
    }
    return value.charAt(0) + "***" + value.substring(at);
  }

  private static String keep(String value, int head, int tail) {
    int n = value.codePointCount(0, value.length());
    if (head + tail >= n) {
      head = Math.min(head, Math.max(0, n - 1));
      tail = 0;
    }
    int headEnd = value.offsetByCodePoints(0, head);
    int tailStart = value.offsetByCodePoints(0, n - tail);
    int hidden = Math.max(3, n - head - tail);
    return value.substring(0, headEnd)
        + "*".repeat(Math.min(hidden, 12))
        + value.substring(tailStart);
  }
}
