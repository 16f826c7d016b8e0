package io.tagbase.ingest;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Locale;

/** What a file holds: customer profiles, or events (orders are events with an amount). */
public enum ImportKind {
  CUSTOMERS(
      List.of(
          "externalId",
          "userId",
          "phone",
          "email",
          "crmId",
          "wecom",
          "anonymousId",
          "displayName",
          "gender",
          "age",
          "city",
          "channel",
          "signupDate")),
  EVENTS(List.of("customer", "type", "timestamp", "orderId", "amount"));

  private final List<String> targets;

  ImportKind(List<String> targets) {
    this.targets = targets;
  }

  /** The built-in fields a column can feed; customers also take custom fields by code. */
  public List<String> targets() {
    return targets;
  }

  /** "customers", "events", "orders" (events), any case; {@link IllegalArgumentException} else. */
  @JsonCreator
  public static ImportKind parse(String text) {
    String key = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    if (key.equals("ORDERS")) {
      return EVENTS;
    }
    try {
      return valueOf(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an import kind; use customers or events");
    }
  }
}
