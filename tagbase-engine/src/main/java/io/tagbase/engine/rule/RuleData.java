package io.tagbase.engine.rule;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What rules are evaluated over, for the whole population: the customers, a column per attribute of
 * the schema (numbers as doubles, dates as epoch days in an IntColumn, strings and enums
 * dictionary-encoded, lists as arrays of dictionary codes), the tag index and the event log.
 *
 * <p>Not thread-safe for writers: the server guards the engine with a read-write lock. Evaluation
 * only reads.
 */
public final class RuleData {
  private final RuleSchema schema;
  private final CustomerDictionary customers;
  private final TagIndex tags;
  private final EventLog events;
  private final Map<String, AttributeColumn> columns = new HashMap<>();
  private final boolean shared; // columns belong to an AttributeTable: read only
  private EventDays eventDays; // null: every event clause reads the log

  public RuleData(RuleSchema schema, CustomerDictionary customers, TagIndex tags, EventLog events) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.customers = Objects.requireNonNull(customers, "customers");
    this.tags = Objects.requireNonNull(tags, "tags");
    this.events = Objects.requireNonNull(events, "events");
    schema.attributes().forEach(a -> columns.put(a.code(), AttributeColumn.of(a.type())));
    this.shared = false;
  }

  /**
   * Data whose attributes are the columns of {@code attributes}, shared, not copied: building it
   * costs nothing per customer. An attribute of the schema that the table lacks, or holds with
   * another type, reads as missing for everyone. {@link #set} is refused; the caller must keep the
   * table unchanged while this data is in use (the server's index read lock).
   */
  public RuleData(
      RuleSchema schema,
      CustomerDictionary customers,
      TagIndex tags,
      EventLog events,
      AttributeTable attributes) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.customers = Objects.requireNonNull(customers, "customers");
    this.tags = Objects.requireNonNull(tags, "tags");
    this.events = Objects.requireNonNull(events, "events");
    for (RuleSchema.Field a : schema.attributes()) {
      AttributeColumn column = attributes.column(a.code(), a.type());
      columns.put(a.code(), column != null ? column : AttributeColumn.of(a.type()));
    }
    this.shared = true;
  }

  /**
   * Sets (or with null clears) an attribute of {@code customer}; the value's Java type must fit the
   * attribute's {@link FieldType}. O(1) amortized. Refused for data over a shared {@link
   * AttributeTable}.
   */
  public void set(String attribute, int customer, Object value) {
    if (shared) {
      throw new IllegalStateException("attributes are shared from an AttributeTable: read only");
    }
    column(attribute).set(customer, value);
  }

  /** The attribute's value for {@code customer}, null when missing. */
  public Object get(String attribute, int customer) {
    return column(attribute).get(customer);
  }

  /**
   * Everything about one customer, for the per-customer predicate and explain. Costs a visit of
   * every tag and a scan of the event log: for a customer page, not for a hot path (the server
   * keeps each customer's recent events itself).
   */
  public CustomerRecord record(int customer) {
    Map<String, Object> attributes = new HashMap<>();
    columns.forEach(
        (code, column) -> {
          Object value = column.get(customer);
          if (value != null) {
            attributes.put(code, value);
          }
        });
    List<CustomerEvent> own = new ArrayList<>();
    for (int row = 0; row < events.size(); row++) {
      if (events.customer(row) == customer) {
        own.add(events.event(row));
      }
    }
    return new CustomerRecord(attributes, new HashSet<>(tags.tagsOf(customer)), own);
  }

  AttributeColumn column(String attribute) {
    AttributeColumn column = columns.get(attribute);
    if (column == null) {
      throw new IllegalArgumentException("no attribute '" + attribute + "' in the schema");
    }
    return column;
  }

  public RuleSchema schema() {
    return schema;
  }

  public CustomerDictionary customers() {
    return customers;
  }

  public TagIndex tags() {
    return tags;
  }

  public EventLog events() {
    return events;
  }

  /**
   * Lets {@code did} clauses without a filter read {@code days} instead of the event log (see
   * {@link EventDays#answersAll}: when it holds for a rule, the log may be left empty). Returns
   * this data.
   */
  public RuleData eventDays(EventDays days) {
    this.eventDays = days;
    return this;
  }

  /** The day sets {@code did} clauses read, or null when they read the event log. */
  EventDays eventDays() {
    return eventDays;
  }
}
