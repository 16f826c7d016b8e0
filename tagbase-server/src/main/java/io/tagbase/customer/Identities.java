package io.tagbase.customer;

import java.util.Locale;

/**
 * Normalises identifiers so that the same person written two ways is one identity: trimmed; e-mail
 * lower-cased; Chinese mobile numbers reduced to their 11 digits (+86, 0086, spaces and dashes
 * dropped). A value that cannot be an identifier of its kind is refused with the reason.
 */
public final class Identities {
  private Identities() {}

  public static String normalize(IdentityKind kind, String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("is empty");
    }
    String value = raw.trim();
    if (value.length() > 200) {
      throw new IllegalArgumentException("is longer than 200 characters");
    }
    return switch (kind) {
      case EMAIL -> email(value);
      case PHONE -> phone(value);
      default -> value;
    };
  }

  private static String email(String value) {
    String email = value.toLowerCase(Locale.ROOT);
    int at = email.indexOf('@');
    if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
      throw new IllegalArgumentException("'" + value + "' is not an e-mail address");
    }
    return email;
  }

  /** Chinese mobiles to 11 digits; other numbers keep their digits and a leading '+'. */
  static String phone(String value) {
    String digits = value.replaceAll("[\\s\\-()（）.]", "");
    boolean plus = digits.startsWith("+");
    digits = plus ? digits.substring(1) : digits;
    if (!digits.matches("\\d{5,20}")) {
      throw new IllegalArgumentException("'" + value + "' is not a phone number");
    }
    if (digits.matches("(0086|86)1[3-9]\\d{9}")) {
      return digits.substring(digits.length() - 11);
    }
    if (digits.matches("1[3-9]\\d{9}")) {
      return digits;
    }
    return plus ? "+" + digits : digits;
  }
}
