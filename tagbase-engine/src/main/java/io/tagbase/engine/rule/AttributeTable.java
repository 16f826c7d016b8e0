package io.tagbase.engine.rule;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Customer attributes kept in memory as typed columns by customer id, shared by every evaluation
 * (unlike the columns a {@link RuleData} fills for itself): numbers, booleans and date-times as
 * doubles, dates as epoch days, strings and enums dictionary-encoded, lists as arrays of codes.
 *
 * <p>Memory per customer: 8 bytes per number column, 4 per date, string or enum column (plus each
 * distinct string once), a reference and an array per list value. Ids never set read as missing.
 *
 * <p>Not thread-safe for writers: the server applies changes under its index's write lock and
 * evaluates under the read lock. {@link RuleData} only reads the columns it shares.
 */
public final class AttributeTable {
  private final Map<String, FieldType> types = new LinkedHashMap<>();
  private final Map<String, AttributeColumn> columns = new LinkedHashMap<>();

  /**
   * Starts an empty column for {@code code} (every customer missing), replacing any column of that
   * code: for a new attribute, or one whose type changed (then fill it again).
   */
  public void define(String code, FieldType type) {
    types.put(code, type);
    columns.put(code, AttributeColumn.of(type));
  }

  /** Forgets a column (a deleted attribute); unknown codes are ignored. */
  public void drop(String code) {
    types.remove(code);
    columns.remove(code);
  }

  /** The column codes and their types, in the order they were defined. */
  public Map<String, FieldType> types() {
    return Collections.unmodifiableMap(types);
  }

  /**
   * Sets (or with null clears) one value; the value's Java type must fit the column's type ({@link
   * RuleData#set}). O(1) amortized; growing a column past its end copies it.
   */
  public void set(String code, int customer, Object value) {
    AttributeColumn column = columns.get(code);
    if (column == null) {
      throw new IllegalArgumentException("no column '" + code + "'");
    }
    column.set(customer, value);
  }

  /** The value of one customer, null when missing or when there is no such column. */
  public Object get(String code, int customer) {
    AttributeColumn column = columns.get(code);
    return column == null ? null : column.get(customer);
  }

  /** Clears every column of {@code customer} (an erased or re-read customer). */
  public void clear(int customer) {
    columns.forEach(
        (code, column) -> {
          if (column.get(customer) != null) {
            column.set(customer, null);
          }
        });
  }

  /**
   * A table sharing this one's columns, without the columns of {@code codes}: what a snapshot
   * writes when some columns are not complete. O(columns); a write to a shared column shows in both
   * tables.
   */
  public AttributeTable without(Collection<String> codes) {
    AttributeTable view = new AttributeTable();
    types.forEach(
        (code, type) -> {
          if (!codes.contains(code)) {
            view.restore(code, type, columns.get(code));
          }
        });
    return view;
  }

  /**
   * Writes every column for an index snapshot ({@link io.tagbase.engine.IndexSnapshot}; format in
   * {@link AttributeTableFormat}). Refuses (IllegalArgumentException) a value at an id at or past
   * {@code capacity}, the dictionary's. Cost: one pass over each column; strings and lists write
   * only the distinct values still in use.
   */
  public void write(int capacity, DataOutputStream out) throws IOException {
    AttributeTableFormat.write(types, columns, capacity, out);
  }

  /**
   * Reads what {@link #write} wrote, with ids below {@code capacity}; a damaged stream may throw
   * {@link IOException} here, and is otherwise refused by the snapshot's checksum.
   */
  public static AttributeTable read(int capacity, DataInputStream in) throws IOException {
    AttributeTable table = new AttributeTable();
    AttributeTableFormat.read(in, capacity, table);
    return table;
  }

  void restore(String code, FieldType type, AttributeColumn column) {
    types.put(code, type);
    columns.put(code, column);
  }

  /** The column of {@code code} when it has exactly {@code type}, else null. */
  AttributeColumn column(String code, FieldType type) {
    return types.get(code) == type ? columns.get(code) : null;
  }

  /** Bytes the columns hold (arrays and dictionaries, estimated), for the memory report. */
  public long bytes() {
    long bytes = 0;
    for (AttributeColumn column : columns.values()) {
      bytes += column.bytes();
    }
    return bytes;
  }
}
