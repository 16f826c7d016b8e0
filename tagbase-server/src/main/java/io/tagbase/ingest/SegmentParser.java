package io.tagbase.ingest;

import io.tagbase.customer.AttributeDefinition;
import io.tagbase.customer.Identity;
import io.tagbase.customer.IdentityKind;
import io.tagbase.customer.NewCustomer;
import io.tagbase.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads Segment Tracking API messages (identify, track, page, screen, group, alias) into checked
 * {@link SegmentMessage}s. Every error names its path ({@code batch[3].userId}). Identify traits
 * map to the profile: name (or firstName + lastName), email, phone, age, gender, address.city,
 * createdAt (sign-up date); other traits are kept when a custom field of the same code exists
 * (camelCase traits match snake_case fields) and are otherwise ignored.
 */
final class SegmentParser {
  private final ObjectMapper json;
  private final ZoneId zone;
  private final Instant now;
  private final Map<String, AttributeDefinition> fields;

  SegmentParser(ObjectMapper json, ZoneId zone, Instant now, List<AttributeDefinition> fields) {
    this.json = json;
    this.zone = zone;
    this.now = now;
    this.fields = new HashMap<>();
    fields.forEach(f -> this.fields.put(f.code(), f));
  }

  SegmentMessage parse(Map<?, ?> m, String type, String path) {
    return switch (type) {
      case "identify" -> new SegmentMessage.Identify(identify(m, path));
      case "alias" -> alias(m, path);
      case "track", "page", "screen", "group" -> new SegmentMessage.Event(event(m, type, path));
      default ->
          throw new InvalidInputException(
              path + ".type",
              "Unknown call type '"
                  + type
                  + "'; use identify, track, page, screen, group or alias.");
    };
  }

  private List<Identity> identities(Map<?, ?> m, String path) {
    List<Identity> ids = new ArrayList<>();
    EventRequests.add(ids, IdentityKind.USER_ID, text(m.get("userId")), path + ".userId");
    EventRequests.add(
        ids, IdentityKind.ANONYMOUS_ID, text(m.get("anonymousId")), path + ".anonymousId");
    if (ids.isEmpty()) {
      throw new InvalidInputException(
          path + ".userId", path + " has neither userId nor anonymousId; every call needs one.");
    }
    return ids;
  }

  private NewCustomer identify(Map<?, ?> m, String path) {
    List<Identity> ids = identities(m, path);
    Map<?, ?> traits = m.get("traits") instanceof Map<?, ?> t ? t : Map.of();
    String name = text(traits.get("name"));
    if (name == null && (traits.get("firstName") != null || traits.get("lastName") != null)) {
      name = (nz(text(traits.get("lastName"))) + nz(text(traits.get("firstName")))).trim();
    }
    Map<String, String> identityMap = new LinkedHashMap<>();
    ids.forEach(id -> identityMap.put(id.kind().name(), id.value()));
    String city =
        traits.get("address") instanceof Map<?, ?> address
            ? text(address.get("city"))
            : text(traits.get("city"));
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (var entry : traits.entrySet()) {
      String code = snake(String.valueOf(entry.getKey()));
      if (fields.containsKey(code) && entry.getValue() != null) {
        attributes.put(code, entry.getValue());
      }
    }
    return new NewCustomer(
        null,
        truncate(name, 200),
        gender(text(traits.get("gender"))),
        age(traits.get("age"), path),
        truncate(city, 100),
        null,
        signup(traits.get("createdAt")),
        text(traits.get("phone")),
        validEmail(text(traits.get("email"))),
        identityMap,
        attributes);
  }

  private SegmentMessage alias(Map<?, ?> m, String path) {
    String previous = text(m.get("previousId"));
    String user = text(m.get("userId"));
    if (previous == null || user == null) {
      throw new InvalidInputException(
          path + ".previousId", path + ": an alias needs both previousId and userId.");
    }
    List<Identity> current = new ArrayList<>();
    EventRequests.add(current, IdentityKind.USER_ID, user, path + ".userId");
    return new SegmentMessage.Alias(previous, current.get(0));
  }

  private IncomingEvent event(Map<?, ?> m, String type, String path) {
    List<Identity> ids = identities(m, path);
    Map<String, Object> properties = new LinkedHashMap<>();
    if (m.get("properties") instanceof Map<?, ?> p) {
      p.forEach((k, v) -> properties.put(String.valueOf(k), v));
    }
    String eventType = type;
    if (type.equals("track")) {
      eventType = text(m.get("event"));
      if (eventType == null) {
        throw new InvalidInputException(
            path + ".event", path + ": a track call needs an event name.");
      }
    } else if (m.get("name") != null) {
      properties.put("name", m.get("name"));
    }
    if (type.equals("group")) {
      properties.put("groupId", m.get("groupId"));
      if (m.get("traits") != null) {
        properties.put("traits", m.get("traits"));
      }
    }
    if (eventType.length() > EventRequests.MAX_TYPE) {
      throw new InvalidInputException(
          path + ".event",
          path + ".event is longer than " + EventRequests.MAX_TYPE + " characters.");
    }
    Instant at = now;
    if (m.get("timestamp") != null) {
      try {
        at = LenientTime.parse(m.get("timestamp"), zone);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            path + ".timestamp", path + ".timestamp: " + e.getMessage() + ".");
      }
    }
    String orderId =
        properties.get("orderId") == null
            ? text(properties.get("order_id"))
            : text(properties.get("orderId"));
    BigDecimal amount =
        money(
            properties.containsKey("revenue")
                ? properties.get("revenue")
                : properties.get("total"));
    return new IncomingEvent(
        null,
        ids,
        eventType,
        at,
        EventRequests.properties(properties, path, json),
        text(m.get("messageId")),
        orderId,
        amount,
        "segment");
  }

  private static String text(Object o) {
    if (o == null) {
      return null;
    }
    String s = String.valueOf(o).trim();
    return s.isEmpty() ? null : s;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static String gender(String g) {
    if (g == null) {
      return null;
    }
    String s = g.toLowerCase(Locale.ROOT);
    if (s.equals("male") || s.equals("m") || s.equals("男")) {
      return "male";
    }
    if (s.equals("female") || s.equals("f") || s.equals("女")) {
      return "female";
    }
    return "unknown";
  }

  private static Integer age(Object o, String path) {
    if (o == null) {
      return null;
    }
    try {
      int age = new BigDecimal(String.valueOf(o).trim()).intValue();
      return age >= 0 && age <= 150 ? age : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private LocalDate signup(Object o) {
    if (o == null) {
      return null;
    }
    try {
      return LocalDate.ofInstant(LenientTime.parse(o, zone), zone);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String validEmail(String email) {
    return email != null && email.matches("[^@\\s]+@[^@\\s]+") ? email : null;
  }

  private static BigDecimal money(Object o) {
    if (o == null) {
      return null;
    }
    try {
      return new BigDecimal(String.valueOf(o).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
