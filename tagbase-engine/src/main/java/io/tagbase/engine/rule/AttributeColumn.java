package io.tagbase.engine.rule;

import io.tagbase.engine.IntColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer attribute for every customer id, in the representation its type wants. Ids never
 * set, and ids at or beyond the column's end, are missing. Not thread-safe for writers.
 */
abstract sealed class AttributeColumn {
  static final int MISSING = Integer.MIN_VALUE;

  static AttributeColumn of(FieldType type) {
    switch (type) {
      case DATE:
        return new Days();
      case STRING:
      case ENUM:
        return new Strings();
      case LIST:
        return new Lists();
      default:
        return new Numbers(type);
    }
  }

  /** Sets (or with null clears) the value of {@code id}; refuses a value of the wrong Java type. */
  abstract void set(int id, Object value);

  /** The value of {@code id} in its {@link FieldType} Java type, or null when missing. */
  abstract Object get(int id);

  /** Bytes held (arrays and dictionary strings, estimated). */
  abstract long bytes();

  /** NUMBER, BOOLEAN (1/0) and DATETIME (epoch second) as doubles, NaN for missing. */
  static final class Numbers extends AttributeColumn {
    final FieldType type;
    double[] values = new double[0];

    Numbers(FieldType type) {
      this.type = type;
    }

    @Override
    void set(int id, Object value) {
      if (id >= values.length) {
        int old = values.length;
        values = Arrays.copyOf(values, Math.max(id + 1, old * 2));
        Arrays.fill(values, old, values.length, Double.NaN);
      }
      values[id] = value == null ? Double.NaN : RuleValues.number(type, value);
    }

    @Override
    Object get(int id) {
      double v = id < values.length ? values[id] : Double.NaN;
      if (Double.isNaN(v)) {
        return null;
      }
      return type == FieldType.BOOLEAN
          ? (Object) (v != 0)
          : type == FieldType.DATETIME ? Instant.ofEpochSecond((long) v) : (Object) v;
    }

    @Override
    long bytes() {
      return 8L * values.length;
    }
  }

  /** DATE as epoch days in an {@link IntColumn}, {@link #MISSING} for missing. */
  static final class Days extends AttributeColumn {
    final IntColumn days;

    Days() {
      this(new IntColumn());
    }

    Days(IntColumn days) {
      this.days = days;
    }

    @Override
    void set(int id, Object value) {
      fillTo(days, id);
      days.set(
          id,
          value == null
              ? MISSING
              : (int) ((LocalDate) RuleValues.checked(FieldType.DATE, value)).toEpochDay());
    }

    @Override
    Object get(int id) {
      int day = id < days.size() ? days.get(id) : MISSING;
      return day == MISSING ? null : LocalDate.ofEpochDay(day);
    }

    @Override
    long bytes() {
      return days.bytes();
    }
  }

  /** STRING and ENUM, dictionary-encoded: a code per id in an {@link IntColumn}. */
  static final class Strings extends AttributeColumn {
    final IntColumn codes;
    final Map<String, Integer> dictionary = new HashMap<>();
    final List<String> values = new ArrayList<>();

    Strings() {
      this(new IntColumn());
    }

    /** Codes into {@code values}, which are added in code order ({@link #code}). */
    Strings(IntColumn codes) {
      this.codes = codes;
    }

    @Override
    void set(int id, Object value) {
      fillTo(codes, id);
      codes.set(
          id, value == null ? MISSING : code((String) RuleValues.checked(FieldType.STRING, value)));
    }

    int code(String value) {
      Integer code = dictionary.putIfAbsent(value, values.size());
      if (code == null) {
        values.add(value);
        return values.size() - 1;
      }
      return code;
    }

    /** The code of {@code id}'s value, negative when missing. */
    int codeOf(int id) {
      return id < codes.size() ? codes.get(id) : MISSING;
    }

    @Override
    Object get(int id) {
      int code = codeOf(id);
      return code < 0 ? null : values.get(code);
    }

    @Override
    long bytes() {
      long strings = 0;
      for (String value : values) {
        strings += 56 + 2L * value.length(); // a String, its array and a map entry
      }
      return codes.bytes() + strings;
    }
  }

  /** LIST: per id an array of dictionary codes, null for missing. */
  static final class Lists extends AttributeColumn {
    final Strings dictionary = new Strings();
    int[][] items = new int[0][];

    @Override
    void set(int id, Object value) {
      if (id >= items.length) {
        items = Arrays.copyOf(items, Math.max(id + 1, items.length * 2));
      }
      if (value == null) {
        items[id] = null;
        return;
      }
      List<?> list = (List<?>) RuleValues.checked(FieldType.LIST, value);
      items[id] = list.stream().mapToInt(item -> dictionary.code((String) item)).toArray();
    }

    @Override
    Object get(int id) {
      int[] codes = id < items.length ? items[id] : null;
      return codes == null ? null : Arrays.stream(codes).mapToObj(dictionary.values::get).toList();
    }

    @Override
    long bytes() {
      long bytes = 8L * items.length + dictionary.bytes();
      for (int[] codes : items) {
        bytes += codes == null ? 0 : 16 + 4L * codes.length;
      }
      return bytes;
    }
  }

  /** Ids between the column's end and {@code id} become missing, not 0. */
  private static void fillTo(IntColumn column, int id) {
    for (int i = column.size(); i < id; i++) {
      column.set(i, MISSING);
    }
  }
}
