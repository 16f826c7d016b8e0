package io.tagbase.engine.rule;

import io.tagbase.engine.IntColumn;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * The attribute columns' part of an index snapshot ({@link AttributeTable#write}): the number of
 * columns, then per column its code, its {@link FieldType} name and its values by customer id up to
 * the last id that has one:
 *
 * <ul>
 *   <li>numbers, booleans and date-times: the doubles (NaN for missing);
 *   <li>dates: the epoch days ({@code Integer.MIN_VALUE} for missing);
 *   <li>strings and enums: the distinct values in use, then a code per id (negative for missing);
 *   <li>lists: the distinct items in use, a length per id (-1 for missing), the total length and
 *       every id's item codes one after another.
 * </ul>
 *
 * Values no customer holds any more are left out of a dictionary, so it never outgrows its column.
 * Large arrays move 64 KiB per call. Reading checks every length and code against what came before
 * (a damaged file can make no huge allocation and no out-of-range code); the snapshot's checksum
 * catches the rest.
 */
final class AttributeTableFormat {
  private static final int CHUNK = 1 << 16; // bytes moved per call
  private static final int MAX_STRING_BYTES = 1 << 20; // stored values are <= 4,000 characters
  private static final int MAX_LIST_LENGTH = 1 << 20;

  private AttributeTableFormat() {}

  static void write(
      Map<String, FieldType> types,
      Map<String, AttributeColumn> columns,
      int capacity,
      DataOutputStream out)
      throws IOException {
    out.writeInt(columns.size());
    for (Map.Entry<String, AttributeColumn> entry : columns.entrySet()) {
      out.writeUTF(entry.getKey());
      out.writeUTF(types.get(entry.getKey()).name());
      AttributeColumn column = entry.getValue();
      if (column instanceof AttributeColumn.Numbers numbers) {
        double[] values = numbers.values;
        int n = values.length;
        while (n > 0 && Double.isNaN(values[n - 1])) {
          n--;
        }
        writeLength(out, n, capacity, entry.getKey());
        writeDoubles(out, values, n);
      } else if (column instanceof AttributeColumn.Days days) {
        IntColumn values = days.days;
        int n = values.size();
        while (n > 0 && values.get(n - 1) == AttributeColumn.MISSING) {
          n--;
        }
        writeLength(out, n, capacity, entry.getKey());
        writeInts(out, n, values::get);
      } else if (column instanceof AttributeColumn.Strings strings) {
        IntColumn codes = strings.codes;
        int n = codes.size();
        while (n > 0 && codes.get(n - 1) < 0) {
          n--;
        }
        writeLength(out, n, capacity, entry.getKey());
        int[] renumbered = new int[strings.values.size()];
        Arrays.fill(renumbered, -1);
        List<String> used = new ArrayList<>();
        for (int id = 0; id < n; id++) {
          int code = codes.get(id);
          if (code >= 0 && renumbered[code] < 0) {
            renumbered[code] = used.size();
            used.add(strings.values.get(code));
          }
        }
        writeStrings(out, used);
        writeInts(
            out,
            n,
            id -> {
              int code = codes.get(id);
              return code < 0 ? AttributeColumn.MISSING : renumbered[code];
            });
      } else {
        writeLists(out, (AttributeColumn.Lists) column, capacity, entry.getKey());
      }
    }
  }

  private static void writeLists(
      DataOutputStream out, AttributeColumn.Lists lists, int capacity, String code)
      throws IOException {
    int[][] items = lists.items;
    int n = items.length;
    while (n > 0 && items[n - 1] == null) {
      n--;
    }
    writeLength(out, n, capacity, code);
    int[] renumbered = new int[lists.dictionary.values.size()];
    Arrays.fill(renumbered, -1);
    List<String> used = new ArrayList<>();
    long total = 0;
    for (int id = 0; id < n; id++) {
      if (items[id] != null) {
        total += items[id].length;
        for (int item : items[id]) {
          if (renumbered[item] < 0) {
            renumbered[item] = used.size();
            used.add(lists.dictionary.values.get(item));
          }
        }
      }
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("column '" + code + "' holds too many list items");
    }
    writeStrings(out, used);
    writeInts(out, n, id -> items[id] == null ? -1 : items[id].length);
    int[] flat = new int[(int) total];
    int at = 0;
    for (int id = 0; id < n; id++) {
      if (items[id] != null) {
        for (int item : items[id]) {
          flat[at++] = renumbered[item];
        }
      }
    }
    out.writeInt(flat.length);
    writeInts(out, flat.length, i -> flat[i]);
  }

  /**
   * Reads what {@link #write} wrote into {@code table} (which must be empty); every length is at
   * most {@code capacity}, the dictionary's.
   */
  static void read(DataInputStream in, int capacity, AttributeTable table) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("bad attribute column count");
    }
    Set<String> read = new HashSet<>();
    for (int c = 0; c < count; c++) {
      String code = in.readUTF();
      FieldType type;
      try {
        type = FieldType.valueOf(in.readUTF());
      } catch (IllegalArgumentException e) {
        throw new IOException("bad type of attribute column " + code, e);
      }
      if (!read.add(code)) {
        throw new IOException("attribute column " + code + " appears twice");
      }
      int n = readLength(in, capacity, code);
      AttributeColumn column = AttributeColumn.of(type);
      if (column instanceof AttributeColumn.Numbers numbers) {
        numbers.values = readDoubles(in, n);
      } else if (column instanceof AttributeColumn.Days) {
        column = new AttributeColumn.Days(IntColumn.of(readInts(in, n)));
      } else if (column instanceof AttributeColumn.Strings) {
        List<String> values = readStrings(in, n, code);
        int[] codes = readInts(in, n);
        checkCodes(codes, values.size(), code);
        AttributeColumn.Strings strings = new AttributeColumn.Strings(IntColumn.of(codes));
        values.forEach(strings::code);
        if (strings.values.size() != values.size()) {
          throw new IOException("repeated value in attribute column " + code);
        }
        column = strings;
      } else {
        column = readLists(in, n, code);
      }
      table.restore(code, type, column);
    }
  }

  private static AttributeColumn readLists(DataInputStream in, int n, String code)
      throws IOException {
    AttributeColumn.Lists lists = new AttributeColumn.Lists();
    List<String> values = readStrings(in, Integer.MAX_VALUE, code);
    values.forEach(lists.dictionary::code);
    if (lists.dictionary.values.size() != values.size()) {
      throw new IOException("repeated item in attribute column " + code);
    }
    int[] lengths = readInts(in, n);
    long total = 0;
    for (int length : lengths) {
      if (length < -1 || length > MAX_LIST_LENGTH) {
        throw new IOException("bad list length in attribute column " + code);
      }
      total += Math.max(0, length);
    }
    if (total > Integer.MAX_VALUE - 8 || in.readInt() != total) {
      throw new IOException("bad list item count in attribute column " + code);
    }
    int[] flat = readInts(in, (int) total);
    checkCodes(flat, values.size(), code);
    int[][] items = new int[n][];
    int at = 0;
    for (int id = 0; id < n; id++) {
      if (lengths[id] >= 0) {
        items[id] = Arrays.copyOfRange(flat, at, at + lengths[id]);
        at += lengths[id];
      }
    }
    lists.items = items;
    return lists;
  }

  private static void checkCodes(int[] codes, int size, String code) throws IOException {
    for (int value : codes) {
      if (value >= size || (value < 0 && value != AttributeColumn.MISSING)) {
        throw new IOException("bad value code in attribute column " + code);
      }
    }
  }

  private static void writeLength(DataOutputStream out, int n, int capacity, String code)
      throws IOException {
    if (n > capacity) {
      throw new IllegalArgumentException(
          "column '" + code + "' has a value for id " + (n - 1) + ", beyond the dictionary");
    }
    out.writeInt(n);
  }

  private static int readLength(DataInputStream in, int capacity, String code) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > capacity) {
      throw new IOException("bad length of attribute column " + code);
    }
    return n;
  }

  private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  /** At most {@code max} strings (a column's length: each value in use is some id's). */
  private static List<String> readStrings(DataInputStream in, int max, String code)
      throws IOException {
    int size = in.readInt();
    if (size < 0 || size > max) {
      throw new IOException("bad dictionary size in attribute column " + code);
    }
    List<String> values = new ArrayList<>(Math.min(size, 1 << 16)); // grows as the file proves it
    for (int i = 0; i < size; i++) {
      int length = in.readInt();
      if (length < 0 || length > MAX_STRING_BYTES) {
        throw new IOException("bad string length in attribute column " + code);
      }
      byte[] bytes = new byte[length];
      in.readFully(bytes);
      values.add(new String(bytes, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void writeInts(DataOutputStream out, int n, IntUnaryOperator value)
      throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    for (int i = 0; i < n; i++) {
      if (!chunk.hasRemaining()) {
        out.write(chunk.array(), 0, chunk.position());
        chunk.clear();
      }
      chunk.putInt(value.applyAsInt(i));
    }
    out.write(chunk.array(), 0, chunk.position());
  }

  private static int[] readInts(DataInputStream in, int n) throws IOException {
    int[] values = new int[n];
    byte[] chunk = new byte[CHUNK];
    for (int from = 0; from < n; from += CHUNK / 4) {
      int count = Math.min(CHUNK / 4, n - from);
      in.readFully(chunk, 0, 4 * count);
      ByteBuffer.wrap(chunk, 0, 4 * count).asIntBuffer().get(values, from, count);
    }
    return values;
  }

  private static void writeDoubles(DataOutputStream out, double[] values, int n)
      throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    for (int from = 0; from < n; from += CHUNK / 8) {
      int count = Math.min(CHUNK / 8, n - from);
      chunk.clear();
      chunk.asDoubleBuffer().put(values, from, count);
      out.write(chunk.array(), 0, 8 * count);
    }
  }

  private static double[] readDoubles(DataInputStream in, int n) throws IOException {
    double[] values = new double[n];
    byte[] chunk = new byte[CHUNK];
    for (int from = 0; from < n; from += CHUNK / 8) {
      int count = Math.min(CHUNK / 8, n - from);
      in.readFully(chunk, 0, 8 * count);
      ByteBuffer.wrap(chunk, 0, 8 * count).asDoubleBuffer().get(values, from, count);
    }
    return values;
  }
}
