package io.tagbase.tagging;

import io.tagbase.customer.AttributeType;
import io.tagbase.customer.CustomerAttributes;
import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.rule.AttributeTable;
import io.tagbase.engine.rule.FieldType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Customer attributes as columns by the index's customer numbers (issue #6), kept with the index:
 * loaded in full when the index is built or read back, then per changed customer after each commit.
 *
 * <p>Design note. Database reads happen outside the index lock; {@link MembershipIndex} calls the
 * {@code apply}/{@code install} methods under its write lock. Every read takes a ticket before it
 * starts; a customer's values are applied only when no read with a later ticket has applied them
 * already, so two commits touching one customer end with the later state even when their re-reads
 * finish out of order. A full or one-column load keeps the values that reads with later tickets
 * applied while it was reading. Tickets are remembered per customer only while some read is in
 * flight, so the bookkeeping stays small. An erasure counts as a read of "no values".
 */
@Component
class AttributeColumns {
  private final CustomerAttributes source;
  private final AtomicLong tickets = new AtomicLong();
  private final ConcurrentSkipListSet<Long> inFlight = new ConcurrentSkipListSet<>();

  // guarded by the index's write lock (read under its read lock)
  private AttributeTable table = new AttributeTable();
  private final Set<String> partial = new HashSet<>(); // columns a re-read started: load in full
  private final Map<String, Long> lastApplied = new HashMap<>(); // external id -> ticket

  AttributeColumns(CustomerAttributes source) {
    this.source = source;
  }

  /** The live columns; read under the index's read lock. */
  AttributeTable table() {
    return table;
  }

  /** Values read from the database, waiting to be applied; {@code ticket} orders the reads. */
  record Read(
      long ticket, Map<String, Map<String, Object>> customers, Map<String, FieldType> types) {}

  /** A complete table read for a dictionary that is not yet shared. */
  record Loaded(long ticket, AttributeTable table) {}

  /** A custom column read afresh. */
  record Column(long ticket, String code, FieldType type, List<Map.Entry<String, Object>> values) {}

  /**
   * Reads every customer's attributes into a new table numbered by {@code dictionary}, interning
   * customers it does not know yet. The dictionary must not be shared while this runs. Cost: one
   * streamed scan of customers and of custom values.
   */
  Loaded load(CustomerDictionary dictionary) {
    long ticket = start();
    AttributeTable fresh = new AttributeTable();
    try {
      types(source.customTypes()).forEach(fresh::define);
      source.forEach(
          null,
          new CustomerAttributes.Sink() {
            @Override
            public void customer(String externalId) {
              dictionary.intern(externalId);
            }

            @Override
            public void value(String externalId, String code, Object value) {
              set(fresh, code, dictionary.intern(externalId), value);
            }
          });
    } catch (RuntimeException e) {
      inFlight.remove(ticket);
      throw e;
    }
    return new Loaded(ticket, fresh);
  }

  /**
   * Columns read back from an index snapshot, numbered by the snapshot's dictionary, to {@link
   * #install}. A column whose field changed since is caught by {@link #drift} at the next use.
   */
  Loaded restored(AttributeTable columns) {
    return new Loaded(start(), columns);
  }

  /**
   * The columns to keep in a snapshot, read under the index's lock: all but those a re-read started
   * (not yet loaded in full), which the next start then reads afresh.
   */
  AttributeTable complete() {
    return table.without(partial);
  }

  /** Under the write lock: installs a full load, keeping what later re-reads applied meanwhile. */
  void install(Loaded loaded, CustomerDictionary before, CustomerDictionary after) {
    lastApplied.forEach(
        (externalId, ticket) -> {
          if (ticket > loaded.ticket()) {
            OptionalInt old = before.find(externalId);
            int id = after.intern(externalId);
            loaded.table().clear(id);
            if (old.isPresent()) {
              copy(table, old.getAsInt(), loaded.table(), id);
            }
          }
        });
    table = loaded.table();
    partial.clear();
    finish(loaded.ticket());
  }

  /** Reads the current attributes of the given customers (database ids). */
  Read read(Set<Long> customerIds) {
    long ticket = start();
    try {
      Map<String, Map<String, Object>> customers = new LinkedHashMap<>();
      source.forEach(
          customerIds,
          new CustomerAttributes.Sink() {
            @Override
            public void customer(String externalId) {
              customers.put(externalId, new HashMap<>());
            }

            @Override
            public void value(String externalId, String code, Object value) {
              customers.computeIfAbsent(externalId, k -> new HashMap<>()).put(code, value);
            }
          });
      return new Read(ticket, customers, types(source.customTypes()));
    } catch (RuntimeException e) {
      inFlight.remove(ticket);
      throw e;
    }
  }

  /** Under the write lock: applies a re-read, skipping customers a later read has applied. */
  void apply(Read read, CustomerDictionary dictionary) {
    read.customers()
        .forEach(
            (externalId, values) -> {
              if (lastApplied.getOrDefault(externalId, -1L) > read.ticket()) {
                return;
              }
              int id = dictionary.intern(externalId);
              table.clear(id);
              values.forEach(
                  (code, value) -> {
                    FieldType type = read.types().get(code);
                    if (type != null && table.types().get(code) != type) {
                      table.define(code, type); // new or retyped: loaded in full before next use
                      partial.add(code);
                    }
                    if (type != null) {
                      set(table, code, id, value);
                    }
                  });
              lastApplied.put(externalId, read.ticket());
            });
    finish(read.ticket());
  }

  /** Under the write lock: an erased customer has no values, whatever earlier reads saw. */
  void erased(String externalId, int id) {
    long ticket = start();
    table.clear(id);
    lastApplied.put(externalId, ticket);
    finish(ticket);
  }

  /**
   * Custom columns to read afresh against the live field types: new, retyped or started by a
   * re-read; and columns of fields that no longer exist. Read under the read lock.
   */
  record Drift(Map<String, FieldType> load, Set<String> drop) {
    boolean none() {
      return load.isEmpty() && drop.isEmpty();
    }
  }

  Drift drift(Map<String, FieldType> live) {
    Map<String, FieldType> load = new LinkedHashMap<>();
    live.forEach(
        (code, type) -> {
          if (table.types().get(code) != type || partial.contains(code)) {
            load.put(code, type);
          }
        });
    Set<String> drop = new HashSet<>(table.types().keySet());
    drop.removeAll(live.keySet());
    return new Drift(load, drop);
  }

  /** The live field types: built-in and custom. Cost: one small query. */
  Map<String, FieldType> liveTypes() {
    return types(source.customTypes());
  }

  /** Reads one custom column's values by external id. */
  Column readColumn(String code, FieldType type) {
    long ticket = start();
    List<Map.Entry<String, Object>> values = new ArrayList<>();
    try {
      source.forEachValueOf(
          code,
          new CustomerAttributes.Sink() {
            @Override
            public void customer(String externalId) {}

            @Override
            public void value(String externalId, String c, Object value) {
              values.add(Map.entry(externalId, value));
            }
          });
    } catch (RuntimeException e) {
      inFlight.remove(ticket);
      throw e;
    }
    return new Column(ticket, code, type, values);
  }

  /** Under the write lock: installs a column read afresh, keeping later re-reads' values. */
  void install(Column column, CustomerDictionary dictionary) {
    Map<Integer, Object> newer = new HashMap<>();
    boolean sameType = table.types().get(column.code()) == column.type();
    lastApplied.forEach(
        (externalId, ticket) -> {
          OptionalInt id = dictionary.find(externalId);
          if (ticket > column.ticket() && id.isPresent()) {
            newer.put(id.getAsInt(), sameType ? table.get(column.code(), id.getAsInt()) : null);
          }
        });
    table.define(column.code(), column.type());
    for (Map.Entry<String, Object> value : column.values()) {
      if (lastApplied.getOrDefault(value.getKey(), -1L) <= column.ticket()) {
        OptionalInt id = dictionary.find(value.getKey());
        if (id.isPresent()) {
          set(table, column.code(), id.getAsInt(), value.getValue());
        }
      }
    }
    newer.forEach((id, value) -> set(table, column.code(), id, value));
    partial.remove(column.code());
    finish(column.ticket());
  }

  /** Under the write lock: forgets a column of a field that was deleted. */
  void drop(String code) {
    table.drop(code);
    partial.remove(code);
  }

  private long start() {
    long ticket = tickets.incrementAndGet();
    inFlight.add(ticket);
    return ticket;
  }

  /** Forgets per-customer tickets no read in flight can be older than. */
  private void finish(long ticket) {
    inFlight.remove(ticket);
    long oldest = inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.first();
    lastApplied.values().removeIf(t -> t < oldest);
  }

  private static void copy(AttributeTable from, int fromId, AttributeTable to, int toId) {
    to.types()
        .forEach(
            (code, type) -> {
              if (from.types().get(code) == type) {
                set(to, code, toId, from.get(code, fromId));
              }
            });
  }

  /** A value its column's type cannot hold reads as missing (as the database path skips it). */
  private static void set(AttributeTable table, String code, int id, Object value) {
    if (!table.types().containsKey(code)) {
      return;
    }
    try {
      table.set(code, id, value);
    } catch (IllegalArgumentException | ClassCastException e) {
      table.set(code, id, null);
    }
  }

  private static Map<String, FieldType> types(Map<String, AttributeType> custom) {
    Map<String, FieldType> types = new LinkedHashMap<>();
    CustomerAttributes.BUILT_IN.forEach((code, type) -> types.put(code, field(type)));
    custom.forEach((code, type) -> types.put(code, field(type)));
    return types;
  }

  private static FieldType field(AttributeType type) {
    return FieldType.valueOf(type.name());
  }
}
