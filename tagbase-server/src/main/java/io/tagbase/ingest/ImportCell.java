package io.tagbase.ingest;

import io.tagbase.web.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;

/** A compiled {@link ImportSource}: reads one field's value from a row. Immutable. */
final class ImportCell {
  private final String name;
  private final int column;
  private final String constant;
  private final ImportExpression expression;

  private ImportCell(String name, int column, String constant, ImportExpression expression) {
    this.name = name;
    this.column = column;
    this.constant = constant;
    this.expression = expression;
  }

  /** 400 naming {@code field} when the column does not exist or the expression is wrong. */
  static ImportCell compile(ImportSource source, List<String> header, String field) {
    if (source.column() != null && !source.column().isBlank()) {
      int index = ImportColumns.indexOf(header, source.column());
      if (index < 0) {
        throw new InvalidInputException(
            field, field + ": the file has no column '" + source.column() + "'.");
      }
      return new ImportCell(header.get(index), index, null, null);
    }
    if (source.expression() != null && !source.expression().isBlank()) {
      try {
        ImportExpression e = ImportExpression.parse(source.expression(), header);
        return new ImportCell("(" + e + ")", -1, null, e);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(field, field + ": " + e.getMessage() + ".");
      }
    }
    return new ImportCell("constant", -1, source.constant().trim(), null);
  }

  /** What the field is read from, for messages: the column name or the expression. */
  String name() {
    return name;
  }

  /** The value as text; null when the cell is empty. */
  String text(TabularRow row) {
    if (expression != null) {
      return expression.evaluate(row).stripTrailingZeros().toPlainString();
    }
    return constant != null ? constant : row.cell(column);
  }

  /** The value as a number; refused when empty or not a number. */
  BigDecimal number(TabularRow row) {
    return expression != null ? expression.evaluate(row) : ImportValues.number(text(row), name);
  }
}
