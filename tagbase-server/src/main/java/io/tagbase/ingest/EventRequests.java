package io.tagbase.ingest;

import io.tagbase.customer.Identity;
import io.tagbase.customer.IdentityKind;
import io.tagbase.web.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/** Checks event requests and turns them into {@link IncomingEvent}s; errors name the JSON path. */
final class EventRequests {
  static final int MAX_TYPE = 60;
  static final int MAX_PROPERTIES = 32_000;

  private EventRequests() {}

  static IncomingEvent toEvent(
      EventRequest r, String path, ObjectMapper json, ZoneId zone, Instant now, String source) {
    if (r == null) {
      throw new InvalidInputException(path, path + " is missing.");
    }
    String type = r.type() == null ? "" : r.type().trim();
    if (type.isEmpty() || type.length() > MAX_TYPE) {
      throw new InvalidInputException(
          path + ".type", path + ".type is required, at most " + MAX_TYPE + " characters.");
    }
    List<Identity> ids = new ArrayList<>();
    add(ids, IdentityKind.USER_ID, r.userId(), path + ".userId");
    add(ids, IdentityKind.ANONYMOUS_ID, r.anonymousId(), path + ".anonymousId");
    add(ids, IdentityKind.PHONE, r.phone(), path + ".phone");
    add(ids, IdentityKind.EMAIL, r.email(), path + ".email");
    String customerId =
        r.customerId() == null || r.customerId().isBlank() ? null : r.customerId().trim();
    if (customerId == null && ids.isEmpty()) {
      throw new InvalidInputException(
          path + ".customerId",
          path + " names no customer: give customerId, userId, anonymousId, phone or email.");
    }
    Instant at = now;
    if (r.timestamp() != null) {
      try {
        at = LenientTime.parse(r.timestamp(), zone);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            path + ".timestamp", path + ".timestamp: " + e.getMessage() + ".");
      }
    }
    return new IncomingEvent(
        customerId,
        ids,
        type,
        at,
        properties(r.properties(), path, json),
        blank(r.messageId()),
        blank(r.orderId()),
        r.amount(),
        source);
  }

  static String properties(Map<String, Object> properties, String path, ObjectMapper json) {
    if (properties == null || properties.isEmpty()) {
      return null;
    }
    String text =
        PropertiesJson.write(properties).orElseGet(() -> json.writeValueAsString(properties));
    if (text.length() > MAX_PROPERTIES) {
      throw new InvalidInputException(
          path + ".properties",
          path + ".properties is larger than " + MAX_PROPERTIES + " characters.");
    }
    return text;
  }

  static void add(List<Identity> ids, IdentityKind kind, String raw, String field) {
    if (raw == null || raw.isBlank()) {
      return;
    }
    try {
      ids.add(Identity.of(kind, raw));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, field + " " + e.getMessage() + ".");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
