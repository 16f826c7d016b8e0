package io.tagbase.ingest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * A computed field: {@code + - * /} and parentheses over numeric columns and constants, such as
 * {@code Quantity * UnitPrice} or {@code [Unit Price] * (1 - discount)}. A column is named bare
 * (letters, digits, _, Chinese), or in [brackets], "quotes" or `backticks` when it holds spaces.
 * Parsed once by a small recursive-descent parser; evaluation is plain BigDecimal arithmetic, so no
 * expression can do anything but compute a number. Immutable and thread-safe.
 */
public final class ImportExpression {
  private static final MathContext DIVISION = MathContext.DECIMAL64;

  private sealed interface Node {}

  private record Constant(BigDecimal value) implements Node {}

  private record Column(int index, String name) implements Node {}

  private record Negate(Node operand) implements Node {}

  private record Binary(char op, Node left, Node right) implements Node {}

  private final String text;
  private final Node root;

  private ImportExpression(String text, Node root) {
    this.text = text;
    this.root = root;
  }

  /**
   * Parses {@code text}, resolving column names against {@code header} (exact first, then ignoring
   * case). {@link IllegalArgumentException} says what is wrong and where.
   */
  public static ImportExpression parse(String text, List<String> header) {
    Parser parser = new Parser(text, header);
    Node root = parser.expression();
    parser.skipSpaces();
    if (!parser.atEnd()) {
      throw parser.error("unexpected '" + text.charAt(parser.pos) + "'");
    }
    return new ImportExpression(text.trim(), root);
  }

  /** The value for one row; {@link IllegalArgumentException} names the column at fault. */
  public BigDecimal evaluate(TabularRow row) {
    return evaluate(root, row);
  }

  private static BigDecimal evaluate(Node node, TabularRow row) {
    if (node instanceof Constant c) {
      return c.value();
    }
    if (node instanceof Column c) {
      return ImportValues.number(row.cell(c.index()), c.name());
    }
    if (node instanceof Negate n) {
      return evaluate(n.operand(), row).negate();
    }
    Binary b = (Binary) node;
    BigDecimal left = evaluate(b.left(), row);
    BigDecimal right = evaluate(b.right(), row);
    switch (b.op()) {
      case '+':
        return left.add(right);
      case '-':
        return left.subtract(right);
      case '*':
        return left.multiply(right);
      default:
        if (right.signum() == 0) {
          throw new IllegalArgumentException("division by zero in " + describe(b.right()));
        }
        return left.divide(right, DIVISION);
    }
  }

  private static String describe(Node node) {
    return node instanceof Column c ? "column " + c.name() : "the divisor";
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class Parser {
    private final String text;
    private final List<String> header;
    private int pos;

    Parser(String text, List<String> header) {
      this.text = text == null ? "" : text;
      this.header = header;
    }

    Node expression() {
      Node left = term();
      while (true) {
        skipSpaces();
        if (peek('+') || peek('-')) {
          char op = text.charAt(pos++);
          left = new Binary(op, left, term());
        } else {
          return left;
        }
      }
    }

    private Node term() {
      Node left = factor();
      while (true) {
        skipSpaces();
        if (peek('*') || peek('/') || peek('×') || peek('÷')) {
          char op = text.charAt(pos++);
          left = new Binary(op == '×' ? '*' : op == '÷' ? '/' : op, left, factor());
        } else {
          return left;
        }
      }
    }

    private Node factor() {
      skipSpaces();
      if (atEnd()) {
        throw error("a number or a column is missing");
      }
      char c = text.charAt(pos);
      if (c == '-') {
        pos++;
        return new Negate(factor());
      }
      if (c == '(' || c == '（') {
        pos++;
        Node inner = expression();
        skipSpaces();
        if (!(peek(')') || peek('）'))) {
          throw error("')' is missing");
        }
        pos++;
        return inner;
      }
      if (Character.isDigit(c) || c == '.') {
        return number();
      }
      return column();
    }

    private Node number() {
      int start = pos;
      while (!atEnd() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      try {
        return new Constant(new BigDecimal(text.substring(start, pos)));
      } catch (NumberFormatException e) {
        pos = start;
        throw error("'" + text.substring(start) + "' is not a number");
      }
    }

    private Node column() {
      char c = text.charAt(pos);
      String name;
      int start = pos;
      char close = c == '[' ? ']' : c == '"' ? '"' : c == '`' ? '`' : 0;
      if (close != 0) {
        int end = text.indexOf(close, pos + 1);
        if (end < 0) {
          throw error("'" + close + "' is missing");
        }
        name = text.substring(pos + 1, end);
        pos = end + 1;
      } else {
        while (!atEnd() && isNameChar(text.charAt(pos))) {
          pos++;
        }
        if (pos == start) {
          throw error("unexpected '" + c + "'");
        }
        name = text.substring(start, pos);
      }
      int index = ImportColumns.indexOf(header, name);
      if (index < 0) {
        pos = start;
        throw error("there is no column '" + name + "'");
      }
      return new Column(index, header.get(index));
    }

    private static boolean isNameChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    void skipSpaces() {
      while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    private boolean peek(char c) {
      return !atEnd() && text.charAt(pos) == c;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          String.format(
              Locale.ROOT, "Expression '%s': %s at position %d", text.trim(), what, pos + 1));
    }
  }
}
