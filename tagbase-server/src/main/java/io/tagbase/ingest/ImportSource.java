package io.tagbase.ingest;

/**
 * Where a field's value comes from: a column of the file, a constant, or an expression over columns
 * ({@link ImportExpression}). Exactly one is set.
 */
public record ImportSource(String column, String constant, String expression) {

  public static ImportSource column(String name) {
    return new ImportSource(name, null, null);
  }

  public static ImportSource constant(String value) {
    return new ImportSource(null, value, null);
  }

  public static ImportSource expression(String text) {
    return new ImportSource(null, null, text);
  }

  /**
   * A console form's choice: a column, else the text, which is an expression when it starts with
   * "=" and a constant otherwise; null when both are blank.
   */
  public static ImportSource fromForm(String column, String text) {
    if (column != null && !column.isBlank()) {
      return column(column);
    }
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim();
    return t.startsWith("=") ? expression(t.substring(1)) : constant(t);
  }

  /** The console form's text: the constant, or "=" and the expression. */
  public String formText() {
    return expression != null ? "=" + expression : constant;
  }

  boolean blank() {
    return isBlank(column) && isBlank(constant) && isBlank(expression);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
