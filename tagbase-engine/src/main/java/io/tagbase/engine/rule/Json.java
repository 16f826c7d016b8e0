package io.tagbase.engine.rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the condition tree needs, so the engine depends on no JSON library: objects
 * (LinkedHashMap), arrays (List), strings, numbers (BigDecimal, exact), booleans and null. Input is
 * bounded ({@link #MAX_DEPTH} levels); malformed input is a {@link RuleSyntaxException}.
 */
final class Json {
  static final int MAX_DEPTH = 200;

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    Json json = new Json(text);
    Object value = json.value(0);
    json.blanks();
    if (json.pos != text.length()) {
      throw json.error("unexpected text after the JSON value");
    }
    return value;
  }

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(sep);
        write(e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
        sep = ",";
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof String s) {
      out.append('"');
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append('"');
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else {
      out.append(value); // Boolean, Integer, null
    }
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("JSON nested deeper than " + MAX_DEPTH);
    }
    blanks();
    if (pos >= text.length()) {
      throw error("JSON ends too early");
    }
    char c = text.charAt(pos);
    if (c == '{') {
      Map<String, Object> map = new LinkedHashMap<>();
      pos++;
      if (!peek('}')) {
        do {
          blanks();
          String key = string();
          expect(':');
          map.put(key, value(depth + 1));
        } while (consume(','));
      }
      expect('}');
      return map;
    }
    if (c == '[') {
      List<Object> list = new ArrayList<>();
      pos++;
      if (!peek(']')) {
        do {
          list.add(value(depth + 1));
        } while (consume(','));
      }
      expect(']');
      return list;
    }
    if (c == '"') {
      return string();
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (text.startsWith(word, pos)) {
        pos += word.length();
        return word.equals("null") ? null : Boolean.valueOf(word);
      }
    }
    int start = pos;
    while (pos < text.length()
        && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0
        && pos - start < 40) {
      pos++;
    }
    try {
      return new BigDecimal(text.substring(start, pos));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("unexpected '" + c + "'");
    }
  }

  private String string() {
    if (!peek('"')) {
      throw error("expected a string");
    }
    pos++;
    StringBuilder out = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != '"') {
      char c = text.charAt(pos++);
      if (c == '\\' && pos < text.length()) {
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw error("bad \\u escape");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("bad \\u escape");
            }
            pos += 4;
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    expect('"');
    return out.toString();
  }

  private void blanks() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private boolean peek(char c) {
    blanks();
    return pos < text.length() && text.charAt(pos) == c;
  }

  private boolean consume(char c) {
    if (peek(c)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private RuleSyntaxException error(String message) {
    return new RuleSyntaxException(1, pos + 1, message);
  }
}
