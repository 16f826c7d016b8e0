package io.tagbase.rules;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagIndex;
import io.tagbase.engine.rule.AttributeTable;
import io.tagbase.engine.rule.EventLog;
import io.tagbase.engine.rule.RuleData;
import io.tagbase.engine.rule.RuleSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Customers' events (and, for per-customer evaluation, attributes) read from the database by
 * external id, to be laid over the engine's dictionary, tag index and attribute columns (under the
 * index's read lock) as {@link RuleData}.
 */
final class RuleInputs {
  record Attribute(String externalId, String code, Object value) {}

  record Event(String externalId, String type, int epochDay, Map<String, Object> properties) {}

  final List<Attribute> attributes = new ArrayList<>();
  final List<Event> events = new ArrayList<>();

  /**
   * The engine data over the index's in-memory attribute columns (shared, not copied) and these
   * events; for whole-population evaluation. Call under the index's read lock.
   */
  RuleData toData(
      RuleSchema schema, CustomerDictionary dictionary, TagIndex tags, AttributeTable columns) {
    return new RuleData(schema, dictionary, tags, log(dictionary), columns);
  }

  /** Builds the engine data; customers unknown to the dictionary (erased) are skipped. */
  RuleData toData(RuleSchema schema, CustomerDictionary dictionary, TagIndex tags) {
    RuleData data = new RuleData(schema, dictionary, tags, log(dictionary));
    for (Attribute a : attributes) {
      OptionalInt id = dictionary.find(a.externalId());
      if (id.isPresent() && schema.attribute(a.code()).isPresent()) {
        data.set(a.code(), id.getAsInt(), a.value());
      }
    }
    return data;
  }

  private EventLog log(CustomerDictionary dictionary) {
    EventLog log = new EventLog();
    for (Event e : events) {
      OptionalInt id = dictionary.find(e.externalId());
      if (id.isPresent()) {
        log.append(id.getAsInt(), e.type(), e.epochDay(), e.properties());
      }
    }
    return log;
  }
}
