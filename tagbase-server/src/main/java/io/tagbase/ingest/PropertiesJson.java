package io.tagbase.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an event's properties, as the JSON reader gave them (maps, lists, strings, numbers,
 * booleans, null), back to JSON text for storage. Ingest writes one such text per event: setting up
 * a general JSON generator for each cost more than the writing itself. Anything else (a type no
 * JSON reader gives) is not written: the caller then uses its general writer.
 */
final class PropertiesJson {
  private PropertiesJson() {}

  /** The JSON text of {@code properties}, or empty when a value is of a type not handled here. */
  static Optional<String> write(Map<String, Object> properties) {
    StringBuilder out = new StringBuilder(32 + 24 * properties.size());
    return value(properties, out, 0) ? Optional.of(out.toString()) : Optional.empty();
  }

  private static boolean value(Object value, StringBuilder out, int depth) {
    if (depth > 200) {
      return false;
    }
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      out.append(value);
    } else if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return false;
      }
      out.append(d.doubleValue());
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          return false;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string(key, out);
        out.append(':');
        if (!value(e.getValue(), out, depth + 1)) {
          return false;
        }
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        if (!value(list.get(i), out, depth + 1)) {
          return false;
        }
      }
      out.append(']');
    } else {
      return false;
    }
    return true;
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Appends {@code s} as a JSON string: quotes, backslashes and control characters escaped. */
  static StringBuilder string(StringBuilder out, String s) {
    string(s, out);
    return out;
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, start, i);
      start = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append(s, start, s.length()).append('"');
  }
}
