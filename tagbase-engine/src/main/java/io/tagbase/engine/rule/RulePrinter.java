package io.tagbase.engine.rule;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The canonical English text of a rule: lower-case keywords, double-quoted strings, names in
 * backquotes when they are not plain words, parentheses only where the tree needs them.
 */
final class RulePrinter {
  private static final Map<String, Boolean> PLAIN = new ConcurrentHashMap<>();

  private RulePrinter() {}

  static String print(Rule rule) {
    if (rule instanceof Rule.And and) {
      return join(and.terms(), " and ");
    }
    if (rule instanceof Rule.Or or) {
      return join(or.terms(), " or ");
    }
    if (rule instanceof Rule.Not not) {
      if (not.term() instanceof Rule.Did did) {
        return "did not " + didBody(did);
      }
      return "not " + grouped(not.term());
    }
    if (rule instanceof Rule.HasTag has) {
      return "has tag " + name(has.tag());
    }
    if (rule instanceof Rule.Did did) {
      return "did " + didBody(did);
    }
    Rule.Compare c = (Rule.Compare) rule;
    StringBuilder out = new StringBuilder(operand(c.operand())).append(' ').append(c.op().text());
    List<Value> values = c.values();
    if (c.op() == Op.BETWEEN) {
      out.append(' ').append(value(values.get(0))).append(" and ").append(value(values.get(1)));
    } else if (c.op().takesList()) {
      out.append(
          values.stream().map(RulePrinter::value).collect(Collectors.joining(", ", " (", ")")));
    } else if (!values.isEmpty()) {
      out.append(' ').append(value(values.get(0)));
    }
    return out.toString();
  }

  private static String join(List<Rule> terms, String separator) {
    return terms.stream().map(RulePrinter::grouped).collect(Collectors.joining(separator));
  }

  private static String grouped(Rule rule) {
    String text = print(rule);
    return rule instanceof Rule.And || rule instanceof Rule.Or ? "(" + text + ")" : text;
  }

  private static String didBody(Rule.Did did) {
    String window = did.window() == null ? "" : " in " + window(did.window());
    return eventRef(did.event(), did.where()) + window;
  }

  /** A where filter is bare only when it is one comparison; otherwise in parentheses. */
  private static String eventRef(String event, Rule where) {
    if (where == null) {
      return name(event);
    }
    String filter = print(where);
    return name(event) + " where " + (where instanceof Rule.Compare ? filter : "(" + filter + ")");
  }

  static String operand(Operand operand) {
    if (operand instanceof Operand.Attr attr) {
      return name(attr.name());
    }
    if (operand instanceof Operand.TagValue tag) {
      return "tag " + name(tag.tag());
    }
    if (operand instanceof Operand.TagSet) {
      return "tags";
    }
    Operand.Aggregate agg = (Operand.Aggregate) operand;
    StringBuilder out = new StringBuilder(agg.fn().text()).append('(');
    out.append(eventRef(agg.event(), agg.where()));
    if (agg.expression() != null) {
      out.append(", ").append(expr(agg.expression(), 0));
    }
    if (agg.window() != null) {
      out.append(", ").append(window(agg.window()));
    }
    return out.append(')').toString();
  }

  /** {@code expr} as text, in parentheses when it binds more loosely than {@code context}. */
  static String expr(Expr expr, int context) {
    if (expr instanceof Expr.Prop prop) {
      return name(prop.name());
    }
    if (expr instanceof Expr.Const c) {
      return c.value().toPlainString();
    }
    Expr.Arith a = (Expr.Arith) expr;
    int p = a.precedence();
    // left-associative: a right operand of equal precedence needs parentheses
    String text = expr(a.left(), p) + " " + a.op() + " " + expr(a.right(), p + 1);
    return p < context ? "(" + text + ")" : text;
  }

  static String window(Window window) {
    if (window instanceof Window.Last last) {
      return "last " + last.days() + " days";
    }
    if (window instanceof Window.Between between) {
      return "between " + value(between.from()) + " and " + value(between.to());
    }
    if (window instanceof Window.Before before) {
      return "before " + value(before.day());
    }
    return "after " + value(((Window.After) window).day());
  }

  static String value(Value value) {
    if (value instanceof Value.Str s) {
      return quote(s.value());
    }
    if (value instanceof Value.Num n) {
      return n.value().toPlainString();
    }
    if (value instanceof Value.Bool b) {
      return String.valueOf(b.value());
    }
    if (value instanceof Value.Date d) {
      return d.value().toString();
    }
    int offset = ((Value.RelDate) value).offsetDays();
    return offset == 0
        ? "today"
        : "today " + (offset < 0 ? "- " : "+ ") + Math.abs(offset) + " days";
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '\\' -> out.append('\\').append(c);
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** A name bare when the lexer reads it back as one plain name, else in backquotes. */
  static String name(String name) {
    if (name.isEmpty()
        || name.indexOf('`') >= 0
        || name.indexOf('\n') >= 0
        || name.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a name cannot be written in rule text: '" + name + "'");
    }
    if (PLAIN.size() > 10_000) {
      PLAIN.clear(); // a bound on memory, not a correctness matter
    }
    return PLAIN.computeIfAbsent(name, RulePrinter::isPlain) ? name : "`" + name + "`";
  }

  private static boolean isPlain(String name) {
    RuleLexer lexer = new RuleLexer(CharStreams.fromString(name));
    lexer.removeErrorListeners();
    Token first = lexer.nextToken();
    return first.getType() == RuleLexer.ID
        && first.getText().equals(name)
        && lexer.nextToken().getType() == Token.EOF;
  }
}
