package io.tagbase.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One event type's day, event by event: each event's {@linkplain StoredIds stored id} and its
 * properties, column by column, so a clause with a filter ({@code count(order where category =
 * "shoes", last 30 days) >= 2}) or any aggregate over recent days reads memory, not the event log.
 * {@link ActivityDays} keeps one next to each day set when it is given the events' properties.
 *
 * <p>Columns follow the rules' {@code EventLog}: a number (and a boolean, as 1 or 0) goes to the
 * property's number column (NaN where an event lacks it), a string to its text column (the code + 1
 * of the value in this day's dictionary, 0 where missing). Rows keep the order they were added in.
 *
 * <p>Cost: 4 bytes per event, plus 8 per event for each number property and 4 for each text
 * property any event of the day has, plus each distinct text once. {@link #add} is amortized O(the
 * day's properties); {@link #remove} and {@link #replace} are one pass over the day.
 *
 * <p>Not thread-safe: {@link ActivityDays} guards it with its lock; readers must not modify the
 * arrays they are handed.
 */
public final class DayEvents {
  private final int day;
  private int size;
  private int[] ids = new int[8];
  private final Map<String, double[]> numbers = new HashMap<>();
  private final Map<String, Texts> texts = new HashMap<>();

  /** One text property's codes and dictionary. */
  private static final class Texts {
    int[] codes; // value index + 1; 0: missing
    List<String> values = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>(); // null once trimmed; rebuilt on the next add

    Texts(int capacity) {
      codes = new int[capacity];
    }

    int code(String value) {
      if (index == null) {
        index = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
          index.put(values.get(i), i);
        }
      }
      Integer code = index.get(value);
      if (code == null) {
        code = values.size();
        values.add(value);
        index.put(value, code);
      }
      return code + 1;
    }
  }

  public DayEvents(int day) {
    this.day = day;
  }

  /** The day these events happened on. */
  public int day() {
    return day;
  }

  /** How many events the day holds. */
  public int size() {
    return size;
  }

  /** The stored id of row {@code row}'s customer. */
  public int storedId(int row) {
    return ids[row];
  }

  /**
   * The number column of {@code property} (NaN where an event lacks it), or null when no event has
   * it; read only, valid for rows below {@link #size} until the next change.
   */
  public double[] numbers(String property) {
    return numbers.get(property);
  }

  /**
   * The text codes of {@code property} (the {@linkplain #text value}'s code + 1, 0 where an event
   * lacks it), or null when no event has it; read only, valid until the next change.
   */
  public int[] texts(String property) {
    Texts t = texts.get(property);
    return t == null ? null : t.codes;
  }

  /** How many distinct texts {@code property} has: its codes are below this. */
  public int textCount(String property) {
    Texts t = texts.get(property);
    return t == null ? 0 : t.values.size();
  }

  /** The text of {@code property} whose code is {@code code} (as in {@link #texts}, minus 1). */
  public String text(String property, int code) {
    return texts.get(property).values.get(code);
  }

  /** Appends an event; values are String, Number or Boolean, anything else is left out. */
  void add(int storedId, Map<String, ?> properties) {
    if (size == ids.length) {
      grow(size * 2);
    }
    int row = size++;
    ids[row] = storedId;
    properties.forEach(
        (name, value) -> {
          if (value instanceof Number || value instanceof Boolean) {
            double d = value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
            numbers.computeIfAbsent(name, n -> nanColumn(ids.length))[row] = d;
          } else if (value instanceof String s) {
            Texts t = texts.computeIfAbsent(name, n -> new Texts(ids.length));
            t.codes[row] = t.code(s);
          }
        });
  }

  /** Removes every event of {@code storedId} (an erased customer); returns how many. */
  int remove(int storedId) {
    int kept = 0;
    for (int row = 0; row < size; row++) {
      if (ids[row] != storedId) {
        if (kept != row) {
          ids[kept] = ids[row];
          for (double[] column : numbers.values()) {
            column[kept] = column[row];
          }
          for (Texts t : texts.values()) {
            t.codes[kept] = t.codes[row];
          }
        }
        kept++;
      }
    }
    int removed = size - kept;
    if (removed > 0) {
      for (int row = kept; row < size; row++) {
        for (double[] column : numbers.values()) {
          column[row] = Double.NaN;
        }
        for (Texts t : texts.values()) {
          t.codes[row] = 0;
        }
      }
      size = kept;
      texts.values().forEach(DayEvents::dropUnused); // no value of the erased stays behind
      numbers.values().removeIf(this::allMissing);
      texts.values().removeIf(t -> t.values.isEmpty());
    }
    return removed;
  }

  /** Gives {@code fromId}'s events to {@code toId} (a merged profile); returns how many. */
  int replace(int fromId, int toId) {
    int moved = 0;
    for (int row = 0; row < size; row++) {
      if (ids[row] == fromId) {
        ids[row] = toId;
        moved++;
      }
    }
    return moved;
  }

  /**
   * Orders the rows by stored id (stably: a customer's events keep their order) and shrinks the
   * arrays to the events held, dropping the dictionaries' lookup maps. A pass then reads its id
   * translations and writes its per-customer arrays in near ascending order, which the memory
   * prefetcher follows, instead of at random (see docs/benchmark.md, C16-C19). O(n log n).
   */
  void trim() {
    sort();
    grow(Math.max(size, 1));
    texts.values().forEach(t -> t.index = null);
  }

  private void sort() {
    long[] keys = new long[size];
    boolean sorted = true;
    for (int row = 0; row < size; row++) {
      keys[row] = (long) ids[row] << 32 | row; // ids are non-negative: sorts by id, then row
      sorted &= row == 0 || ids[row - 1] <= ids[row];
    }
    if (sorted) {
      return;
    }
    Arrays.sort(keys);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = (int) keys[i];
    }
    int[] sortedIds = new int[ids.length];
    for (int i = 0; i < size; i++) {
      sortedIds[i] = ids[order[i]];
    }
    ids = sortedIds;
    numbers.replaceAll(
        (name, column) -> {
          double[] permuted = nanColumn(column.length);
          for (int i = 0; i < size; i++) {
            permuted[i] = column[order[i]];
          }
          return permuted;
        });
    for (Texts t : texts.values()) {
      int[] permuted = new int[t.codes.length];
      for (int i = 0; i < size; i++) {
        permuted[i] = t.codes[order[i]];
      }
      t.codes = permuted;
    }
  }

  /** About what the day holds on the heap, in bytes. */
  long bytes() {
    long bytes = 16L + 4L * ids.length;
    for (double[] column : numbers.values()) {
      bytes += 16L + 8L * column.length;
    }
    for (Texts t : texts.values()) {
      bytes += 16L + 4L * t.codes.length + 8L * t.values.size();
      for (String value : t.values) {
        bytes += 40L + value.length();
      }
      if (t.index != null) {
        bytes += 48L * t.index.size();
      }
    }
    return bytes;
  }

  private void grow(int capacity) {
    ids = Arrays.copyOf(ids, capacity);
    numbers.replaceAll(
        (name, column) -> {
          double[] resized = nanColumn(capacity);
          System.arraycopy(column, 0, resized, 0, Math.min(size, capacity));
          return resized;
        });
    texts.values().forEach(t -> t.codes = Arrays.copyOf(t.codes, capacity));
  }

  private boolean allMissing(double[] column) {
    for (int row = 0; row < size; row++) {
      if (!Double.isNaN(column[row])) {
        return false;
      }
    }
    return true;
  }

  /** Renumbers a text property's values to those some row still uses, in first-use order. */
  private static void dropUnused(Texts t) {
    int[] renumbered = new int[t.values.size() + 1];
    List<String> kept = new ArrayList<>();
    for (int row = 0; row < t.codes.length; row++) {
      int code = t.codes[row];
      if (code != 0) {
        if (renumbered[code] == 0) {
          kept.add(t.values.get(code - 1));
          renumbered[code] = kept.size();
        }
        t.codes[row] = renumbered[code];
      }
    }
    t.values = kept;
    t.index = null;
  }

  private static double[] nanColumn(int capacity) {
    double[] column = new double[capacity];
    Arrays.fill(column, Double.NaN);
    return column;
  }
}
