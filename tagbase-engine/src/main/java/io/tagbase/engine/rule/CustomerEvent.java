package io.tagbase.engine.rule;

import java.util.Map;
import java.util.Objects;

/**
 * One event of one customer, as the per-customer evaluation reads it: its type code, its day (epoch
 * day, in the tenant's time zone: the engine's time resolution is a day) and its properties
 * (String, Number or Boolean; absent means missing).
 */
public record CustomerEvent(String type, int epochDay, Map<String, Object> properties) {
  public CustomerEvent {
    Objects.requireNonNull(type, "type");
    properties = Map.copyOf(properties);
  }
}
