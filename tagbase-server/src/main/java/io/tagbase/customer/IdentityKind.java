package io.tagbase.customer;

import java.util.Locale;

/** The kinds of identifier a customer can be known by. */
public enum IdentityKind {
  USER_ID,
  ANONYMOUS_ID,
  PHONE,
  EMAIL,
  WECOM,
  CRM_ID;

  /** Parses "userId", "user_id", "USER_ID", "anonymousId", "phone", ... */
  public static IdentityKind parse(String text) {
    String key = text.trim().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    if (key.equals("WECOM_EXTERNAL_USERID") || key.equals("EXTERNAL_USERID")) {
      return WECOM;
    }
    return IdentityKind.valueOf(key);
  }
}
