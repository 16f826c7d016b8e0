package io.tagbase.engine.rule;

import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Rule text in, {@link Rule} out, and back: {@link #parse} reads the English and Chinese forms of
 * the rule language (docs/rules.md); {@link #print} writes the canonical English text, which parses
 * back to an equal rule.
 *
 * <p>Input is bounded so that no text can exhaust the stack or the clock: at most {@link
 * #MAX_LENGTH} characters, parentheses nested at most {@link #MAX_DEPTH} deep and at most {@link
 * #MAX_NESTING_WORDS} of not/where. Anything else that is not a rule is a {@link
 * RuleSyntaxException} naming the line and column. Cost: linear in the text for the rules people
 * write (ANTLR's adaptive prediction). Thread-safe.
 */
public final class RuleText {
  public static final int MAX_LENGTH = 10_000;
  public static final int MAX_DEPTH = 32;
  public static final int MAX_NESTING_WORDS = 64;

  private RuleText() {}

  /** Parses rule text. Throws {@link RuleSyntaxException} if it is not a rule. */
  public static Rule parse(String text) {
    return parseWithPositions(text).rule();
  }

  /** Parses rule text, keeping where each node was for the checker's messages. */
  public static ParsedRule parseWithPositions(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new RuleSyntaxException(1, 1, "rule longer than " + MAX_LENGTH + " characters");
    }
    RuleLexer lexer = new RuleLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(THROWING);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    checkNesting(tokens.getTokens());
    RuleParser parser = new RuleParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(THROWING);
    try {
      AstBuilder builder = new AstBuilder();
      Rule rule = builder.condition(parser.ruleText().condition());
      return new ParsedRule(rule, builder.positions);
    } catch (StackOverflowError e) {
      throw new RuleSyntaxException(1, 1, "rule nested too deeply");
    }
  }

  /** The canonical English text of {@code rule}; {@code parse(print(r)).equals(r)}. */
  public static String print(Rule rule) {
    return RulePrinter.print(rule);
  }

  private static void checkNesting(List<Token> tokens) {
    int depth = 0;
    int words = 0;
    for (Token token : tokens) {
      int type = token.getType();
      depth += type == RuleLexer.LP ? 1 : type == RuleLexer.RP ? -1 : 0;
      words += type == RuleLexer.NOT || type == RuleLexer.WHERE ? 1 : 0;
      if (depth > MAX_DEPTH) {
        throw at(token, "parentheses nested deeper than " + MAX_DEPTH);
      }
      if (words > MAX_NESTING_WORDS) {
        throw at(token, "more than " + MAX_NESTING_WORDS + " 'not' and 'where' in one rule");
      }
    }
  }

  private static RuleSyntaxException at(Token token, String message) {
    return new RuleSyntaxException(token.getLine(), token.getCharPositionInLine() + 1, message);
  }

  private static final BaseErrorListener THROWING =
      new BaseErrorListener() {
        @Override
        public void syntaxError(
            Recognizer<?, ?> recognizer,
            Object offendingSymbol,
            int line,
            int column,
            String message,
            RecognitionException e) {
          throw new RuleSyntaxException(
              line, column + 1, SyntaxMessages.describe(offendingSymbol, e, message));
        }
      };
}
