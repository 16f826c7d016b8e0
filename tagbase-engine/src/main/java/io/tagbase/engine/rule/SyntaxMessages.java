package io.tagbase.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Messages a person can act on, instead of ANTLR's token-set dumps. */
final class SyntaxMessages {
  private static final int MAX_LISTED = 6;

  private SyntaxMessages() {}

  static String describe(Object offending, RecognitionException e, String antlrMessage) {
    if (!(offending instanceof Token token)) {
      return antlrMessage; // a lexer error (the catch-all token makes these rare)
    }
    String text = token.getText();
    if (token.getType() == Token.EOF) {
      return "rule ends too early" + expected(e);
    }
    if (text.equals("\"") || text.equals("'") || text.equals("「") || text.equals("“")) {
      return "unclosed string";
    }
    if (text.equals("`")) {
      return "unclosed `name`";
    }
    return "unexpected '" + text + "'" + expected(e);
  }

  private static String expected(RecognitionException e) {
    if (e == null || e.getOffendingState() < 0) {
      return "";
    }
    IntervalSet set;
    try {
      set = e.getExpectedTokens();
    } catch (RuntimeException ignored) {
      return "";
    }
    if (set == null) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (int type : set.toArray()) {
      String name = friendly(type);
      if (name != null && !names.contains(name)) {
        names.add(name);
      }
    }
    if (names.isEmpty() || names.size() > MAX_LISTED) {
      return "";
    }
    return "; expected " + String.join(" or ", names);
  }

  private static String friendly(int type) {
    switch (type) {
      case Token.EOF:
        return "end of rule";
      case RuleLexer.LP:
        return "'('";
      case RuleLexer.RP:
        return "')'";
      case RuleLexer.COMMA:
        return "','";
      case RuleLexer.NUMBER:
        return "a number";
      case RuleLexer.ID:
      case RuleLexer.QUOTED_ID:
        return "a name";
      case RuleLexer.STRING:
        return "a string";
      case RuleLexer.DATE:
        return "a date";
      default:
        String symbol = RuleLexer.VOCABULARY.getSymbolicName(type);
        if (symbol == null || symbol.startsWith("ZH_")) {
          return null; // the Chinese spelling is listed in docs/rules.md
        }
        return "'" + symbol.toLowerCase(Locale.ROOT) + "'";
    }
  }
}
