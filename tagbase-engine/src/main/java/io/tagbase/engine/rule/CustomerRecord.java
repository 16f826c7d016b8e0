package io.tagbase.engine.rule;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a rule may read about one customer, for re-evaluating that customer alone: attribute
 * values by code (see {@link FieldType} for the Java type of each; absent means missing), the tag
 * index keys the customer holds ({@code vip}, and {@code rfm} plus {@code rfm=champion} for a
 * layered tag), and the customer's events in the order they were logged.
 */
public record CustomerRecord(
    Map<String, Object> attributes, Set<String> tags, List<CustomerEvent> events) {
  public CustomerRecord {
    attributes = Map.copyOf(attributes);
    tags = Set.copyOf(tags);
    events = List.copyOf(events);
  }
}
