package io.tagbase.customer;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A stored event's properties as the rules read them: the scalar members of its properties JSON
 * (numbers as BigDecimal, booleans, strings; nested values left out, unreadable JSON read as none),
 * plus the {@code order_id} and {@code amount} columns when set, which win over properties of those
 * names. One definition for the event log the rules read from the database and for the events the
 * server keeps in memory, so both read the same.
 */
public final class EventProperties {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventProperties() {}

  /** The properties of an event with these columns; a new mutable map. */
  public static Map<String, Object> of(String json, String orderId, BigDecimal amount) {
    Map<String, Object> props = scalars(json);
    if (orderId != null) {
      props.put("order_id", orderId);
    }
    if (amount != null) {
      props.put("amount", amount);
    }
    return props;
  }

  /** The scalar members of a properties JSON object; empty for none or unreadable JSON. */
  public static Map<String, Object> scalars(String json) {
    Map<String, Object> props = new HashMap<>();
    if (json == null || json.isBlank()) {
      return props;
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node != null && node.isObject()) {
        for (var entry : node.properties()) {
          JsonNode v = entry.getValue();
          if (v.isNumber()) {
            props.put(entry.getKey(), v.decimalValue());
          } else if (v.isBoolean()) {
            props.put(entry.getKey(), v.booleanValue());
          } else if (v.isString()) {
            props.put(entry.getKey(), v.stringValue());
          }
        }
      }
    } catch (RuntimeException e) {
      // An unreadable properties text reads as no properties: the event still counts.
      props.clear();
    }
    return props;
  }
}
