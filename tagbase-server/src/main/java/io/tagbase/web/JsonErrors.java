package io.tagbase.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;

/** Words for a request body that Jackson could not read, without Java internals. */
final class JsonErrors {
  private JsonErrors() {}

  /** The JSON path of the value at fault ({@code items[2].code}), or null when unknown. */
  static String field(HttpMessageNotReadableException e) {
    if (!(e.getCause() instanceof JacksonException json) || json.getPath().isEmpty()) {
      return null;
    }
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : json.getPath()) {
      if (ref.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? null : path.toString();
  }

  static String describe(HttpMessageNotReadableException e) {
    if (!(e.getCause() instanceof JacksonException json)) {
      return "the body is missing or empty.";
    }
    String message = json.getOriginalMessage();
    if (message == null) {
      return "the body could not be read.";
    }
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    // Strip Java type names such as `java.lang.Integer` down to their simple names.
    return first.replaceAll("`(?:[a-z]+\\.)+([A-Za-z]+)(\\$[A-Za-z]+)?`", "$1").trim();
  }
}
