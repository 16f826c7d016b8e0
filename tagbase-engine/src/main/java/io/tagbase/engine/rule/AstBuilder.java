package io.tagbase.engine.rule;

import io.tagbase.engine.rule.RuleParser.*;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Turns a parse tree of Rule.g4 into the {@link Rule} AST, noting where each node started. */
final class AstBuilder {
  final IdentityHashMap<Object, int[]> positions = new IdentityHashMap<>();

  Rule condition(ConditionContext ctx) {
    List<Rule> terms = new ArrayList<>();
    ctx.andExpr().forEach(and -> terms.add(and(and)));
    return terms.size() == 1 ? terms.get(0) : at(ctx, new Rule.Or(terms));
  }

  private Rule and(AndExprContext ctx) {
    List<Rule> terms = new ArrayList<>();
    ctx.notExpr().forEach(not -> terms.add(not(not)));
    return terms.size() == 1 ? terms.get(0) : at(ctx, new Rule.And(terms));
  }

  private Rule not(NotExprContext ctx) {
    return ctx.NOT() != null ? at(ctx, new Rule.Not(not(ctx.notExpr()))) : primary(ctx.primary());
  }

  private Rule primary(PrimaryContext ctx) {
    if (ctx instanceof ParensContext p) {
      return condition(p.condition());
    }
    if (ctx instanceof HasTagContext h) {
      return at(h.name(), new Rule.HasTag(name(h.name())));
    }
    if (ctx instanceof DidContext d) {
      Rule did = did(d.eventRef(), d.window());
      return d.NOT() == null ? did : at(d, new Rule.Not(did));
    }
    if (ctx instanceof ZhDidContext d) {
      Rule did = did(d.eventRef(), d.window().isEmpty() ? null : d.window(0));
      return d.ZH_DID_NOT() == null ? did : at(d, new Rule.Not(did));
    }
    CompareContext c = (CompareContext) ctx;
    Operand operand = operand(c.operand());
    PredicateContext p = c.predicate();
    return at(c, build(p, () -> new Rule.Compare(operand, op(p), values(p))));
  }

  private Rule did(EventRefContext ref, WindowContext window) {
    return at(ref.name(), new Rule.Did(name(ref.name()), where(ref), window(window)));
  }

  private Rule where(EventRefContext ref) {
    return ref.notExpr() == null ? null : not(ref.notExpr());
  }

  private Operand operand(OperandContext ctx) {
    if (ctx instanceof TagValueContext t) {
      return at(t.name(), new Operand.TagValue(name(t.name())));
    }
    if (ctx instanceof TagSetContext t) {
      return at(t, new Operand.TagSet());
    }
    if (ctx instanceof AggCallContext a) {
      AggFn fn = aggFn(a.aggFn());
      Expr expr = a.arith() == null ? null : arith(a.arith());
      return aggregate(fn, a.eventRef(), expr, a.window());
    }
    if (ctx instanceof DaysSinceContext d) {
      AggFn fn = d.FIRST() != null ? AggFn.DAYS_SINCE_FIRST : AggFn.DAYS_SINCE_LAST;
      Expr expr = d.arith() == null ? null : arith(d.arith()); // refused by the checker
      return aggregate(fn, d.eventRef(), expr, d.window());
    }
    if (ctx instanceof ZhAggContext z) {
      Expr expr = z.arith() == null ? null : arith(z.arith());
      return aggregate(zhAggFn(z.zhAggFn()), z.eventRef(), expr, z.window());
    }
    if (ctx instanceof ZhDaysSinceContext z) {
      AggFn fn = z.ZH_SINCE_FIRST() != null ? AggFn.DAYS_SINCE_FIRST : AggFn.DAYS_SINCE_LAST;
      return aggregate(fn, z.eventRef(), null, z.window());
    }
    if (ctx instanceof ZhFusedContext z) {
      return at(z.name(), fused(z.name(), name(z.name()), window(z.window())));
    }
    if (ctx instanceof ZhFusedTokenContext z) {
      String text = z.getText();
      int end = 0;
      while (!Character.isDigit(text.charAt(end))) {
        end++;
      }
      while (Character.isDigit(text.charAt(end))
          || text.charAt(end) == ' '
          || text.charAt(end) == '\t') {
        end++;
      }
      end--; // the last digit or blank; 天 follows
      String days = text.substring(0, end + 2); // 近30天
      Window window = build(z, () -> new Window.Last(days(days.replaceAll("[^0-9]", ""))));
      return at(z, fused(z, text.substring(end + 2).strip(), window));
    }
    AttrContext a = (AttrContext) ctx;
    return at(a.name(), new Operand.Attr(name(a.name())));
  }

  /** Chinese aggregate names written fused to the event name: 近30天下单次数. */
  static final String[][] ZH_FUSED = {
    {"次数", "COUNT"}, {"首次时间", "FIRST"}, {"最近时间", "LAST"}, {"末次时间", "LAST"}
  };

  private static Operand fused(ParserRuleContext ctx, String fused, Window window) {
    for (String[] suffix : ZH_FUSED) {
      if (fused.endsWith(suffix[0]) && fused.length() > suffix[0].length()) {
        String event = fused.substring(0, fused.length() - suffix[0].length());
        return new Operand.Aggregate(AggFn.valueOf(suffix[1]), event, null, null, window);
      }
    }
    throw error(ctx, "expected an aggregate after the window, such as '下单次数' or 'order 次数'");
  }

  private Operand aggregate(AggFn fn, EventRefContext ref, Expr expr, WindowContext window) {
    Operand.Aggregate agg =
        new Operand.Aggregate(fn, name(ref.name()), expr, where(ref), window(window));
    return at(ref.name(), agg);
  }

  private static AggFn aggFn(AggFnContext ctx) {
    if (ctx.zhAggFn() != null) {
      return zhAggFn(ctx.zhAggFn());
    }
    int type = ctx.getStart().getType();
    if (type == RuleLexer.DISTINCT) {
      return AggFn.DISTINCT;
    }
    return AggFn.valueOf(ctx.getStart().getText().toUpperCase(java.util.Locale.ROOT));
  }

  private static AggFn zhAggFn(ZhAggFnContext ctx) {
    switch (ctx.getStart().getType()) {
      case RuleLexer.ZH_COUNT:
        return AggFn.COUNT;
      case RuleLexer.ZH_DISTINCT:
        return AggFn.DISTINCT;
      case RuleLexer.ZH_SUM:
        return AggFn.SUM;
      case RuleLexer.ZH_AVG:
        return AggFn.AVG;
      case RuleLexer.ZH_MIN:
        return AggFn.MIN;
      case RuleLexer.ZH_MAX:
        return AggFn.MAX;
      case RuleLexer.ZH_FIRST:
        return AggFn.FIRST;
      default:
        return AggFn.LAST;
    }
  }

  private static final Map<Class<?>, Op> PREDICATES =
      Map.ofEntries(
          Map.entry(BetweenContext.class, Op.BETWEEN),
          Map.entry(InContext.class, Op.IN),
          Map.entry(NotInContext.class, Op.NOT_IN),
          Map.entry(ExistsContext.class, Op.EXISTS),
          Map.entry(MissingContext.class, Op.MISSING),
          Map.entry(ContainsContext.class, Op.CONTAINS),
          Map.entry(StartsWithContext.class, Op.STARTS_WITH),
          Map.entry(EndsWithContext.class, Op.ENDS_WITH),
          Map.entry(MatchesContext.class, Op.MATCHES),
          Map.entry(HasSomeContext.class, Op.HAS_SOME),
          Map.entry(HasAllContext.class, Op.HAS_ALL),
          Map.entry(HasNoneContext.class, Op.HAS_NONE));

  private static Op op(PredicateContext ctx) {
    if (ctx instanceof CmpContext c) {
      switch (c.compOp().getStart().getType()) {
        case RuleLexer.EQ:
        case RuleLexer.ZH_EQ:
          return Op.EQ;
        case RuleLexer.NE:
        case RuleLexer.ZH_NE:
          return Op.NE;
        case RuleLexer.LT:
        case RuleLexer.ZH_LT:
          return Op.LT;
        case RuleLexer.LE:
        case RuleLexer.ZH_LE:
          return Op.LE;
        case RuleLexer.GT:
        case RuleLexer.ZH_GT:
          return Op.GT;
        default:
          return Op.GE;
      }
    }
    return PREDICATES.get(ctx.getClass());
  }

  private List<Value> values(PredicateContext ctx) {
    List<Value> values = new ArrayList<>();
    ValueListContext list = ctx.getRuleContext(ValueListContext.class, 0);
    List<ValueContext> items =
        list != null ? list.value() : ctx.getRuleContexts(ValueContext.class);
    items.forEach(v -> values.add(value(v)));
    return values;
  }

  private Value value(ValueContext ctx) {
    if (ctx instanceof StringValueContext s) {
      return at(s, new Value.Str(unquote(s.STRING().getText())));
    }
    if (ctx instanceof NumberValueContext n) {
      String text = (n.MINUS() != null ? "-" : "") + n.NUMBER().getText();
      return at(n, build(n, () -> new Value.Num(new BigDecimal(text))));
    }
    if (ctx instanceof TrueValueContext || ctx instanceof FalseValueContext) {
      return at(ctx, new Value.Bool(ctx instanceof TrueValueContext));
    }
    if (ctx instanceof DateLiteralContext d) {
      return dateValue(d.dateValue());
    }
    WordValueContext w = (WordValueContext) ctx;
    return at(w, new Value.Str(name(w.name())));
  }

  private Value.DateValue dateValue(DateValueContext ctx) {
    if (ctx.DATE() != null) {
      return at(ctx, build(ctx, () -> new Value.Date(LocalDate.parse(ctx.DATE().getText()))));
    }
    if (ctx.NUMBER() == null) {
      return at(ctx, new Value.RelDate(0));
    }
    int sign = ctx.MINUS() != null ? -1 : 1;
    return at(ctx, build(ctx, () -> new Value.RelDate(sign * days(ctx.NUMBER().getText()))));
  }

  private Window window(WindowContext ctx) {
    if (ctx == null) {
      return null;
    }
    if (ctx instanceof LastDaysContext l) {
      return at(l, build(l, () -> new Window.Last(days(l.NUMBER().getText()))));
    }
    if (ctx instanceof ZhLastDaysContext z) {
      String digits = z.getText().replaceAll("[^0-9]", "");
      return at(z, build(z, () -> new Window.Last(days(digits))));
    }
    if (ctx instanceof BetweenDatesContext b) {
      return at(b, new Window.Between(dateValue(b.dateValue(0)), dateValue(b.dateValue(1))));
    }
    if (ctx instanceof BeforeContext b) {
      return at(b, new Window.Before(dateValue(b.dateValue())));
    }
    return at(ctx, new Window.After(dateValue(((AfterContext) ctx).dateValue())));
  }

  private static int days(String digits) {
    if (digits.length() > 7) {
      throw new IllegalArgumentException("too many days: " + digits);
    }
    return Integer.parseInt(digits);
  }

  private Expr arith(ArithContext ctx) {
    if (ctx instanceof ArithParensContext p) {
      return arith(p.arith());
    }
    if (ctx instanceof ArithNumberContext n) {
      String text = (n.MINUS() != null ? "-" : "") + n.NUMBER().getText();
      return at(n, build(n, () -> new Expr.Const(new BigDecimal(text))));
    }
    if (ctx instanceof ArithPropertyContext p) {
      return at(p, new Expr.Prop(name(p.name())));
    }
    List<ArithContext> sides = ctx.getRuleContexts(ArithContext.class);
    Token op = ctx instanceof ArithMulContext m ? m.op : ((ArithAddContext) ctx).op;
    int kind = "*×＊/÷／+＋".indexOf(op.getText().charAt(0));
    char c = kind < 0 ? '-' : "***///++".charAt(kind);
    return at(ctx, new Expr.Arith(c, arith(sides.get(0)), arith(sides.get(1))));
  }

  static String name(NameContext ctx) {
    String text = ctx.getText();
    return ctx.QUOTED_ID() != null ? text.substring(1, text.length() - 1) : text;
  }

  static String unquote(String quoted) {
    char open = quoted.charAt(0);
    String body = quoted.substring(1, quoted.length() - 1);
    if (open != '"' && open != '\'') {
      return body; // 「…」 and “…”: no escapes
    }
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char next = body.charAt(++i);
        if ("nrt\"'\\".indexOf(next) < 0) {
          out.append('\\'); // not an escape: a regex's \d stays \d
        }
        c = next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next;
      }
      out.append(c);
    }
    return out.toString();
  }

  private <T> T at(ParserRuleContext ctx, T node) {
    Token start = ctx.getStart();
    positions.putIfAbsent(node, new int[] {start.getLine(), start.getCharPositionInLine() + 1});
    return node;
  }

  /** Builds a node, turning a refused literal (too large, no such date) into a syntax error. */
  private static <T> T build(ParserRuleContext ctx, Supplier<T> node) {
    try {
      return node.get();
    } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
      throw error(ctx, e.getMessage());
    }
  }

  private static RuleSyntaxException error(ParserRuleContext ctx, String message) {
    Token start = ctx.getStart();
    return new RuleSyntaxException(start.getLine(), start.getCharPositionInLine() + 1, message);
  }
}
