package io.tagbase.engine.rule;

import io.tagbase.engine.rule.RuleWorld.Customer;
import io.tagbase.engine.rule.RuleWorld.Ev;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule language's meaning, written as plainly as possible and independently of the engine: one
 * customer at a time, straight from the model's maps and lists.
 */
final class ReferenceEvaluator {
  private final long today;

  ReferenceEvaluator(LocalDate asOf) {
    this.today = asOf.toEpochDay();
  }

  boolean holds(Rule rule, Customer c) {
    if (rule instanceof Rule.And and) {
      for (Rule t : and.terms()) {
        if (!holds(t, c)) {
          return false;
        }
      }
      return true;
    }
    if (rule instanceof Rule.Or or) {
      for (Rule t : or.terms()) {
        if (holds(t, c)) {
          return true;
        }
      }
      return false;
    }
    if (rule instanceof Rule.Not not) {
      return !holds(not.term(), c);
    }
    if (rule instanceof Rule.HasTag has) {
      return c.tags().contains(has.tag());
    }
    if (rule instanceof Rule.Did did) {
      return !qualifying(c, did.event(), did.where(), did.window()).isEmpty();
    }
    Rule.Compare cmp = (Rule.Compare) rule;
    Operand o = cmp.operand();
    if (o instanceof Operand.TagValue tv) {
      List<Object> values = new ArrayList<>();
      for (String key : c.tags()) {
        if (key.startsWith(tv.tag() + "=")) {
          values.add(key.substring(tv.tag().length() + 1));
        }
      }
      return test(cmp, values.isEmpty() ? null : values.get(0));
    }
    if (o instanceof Operand.TagSet) {
      return test(cmp, new ArrayList<>(c.tags()));
    }
    if (o instanceof Operand.Aggregate agg) {
      return test(cmp, aggregate(c, agg));
    }
    return test(cmp, c.attrs().get(((Operand.Attr) o).name()));
  }

  /** Compares a plain value: Double, String, Boolean, LocalDate, Instant, List; null is missing. */
  private boolean test(Rule.Compare cmp, Object v) {
    Op op = cmp.op();
    if (v == null) {
      return op == Op.MISSING;
    }
    if (op == Op.EXISTS || op == Op.MISSING) {
      return op == Op.EXISTS;
    }
    List<Object> lits = new ArrayList<>();
    for (Value lit : cmp.values()) {
      lits.add(plain(lit));
    }
    if (v instanceof List<?> list) {
      switch (op) {
        case HAS_ALL:
          return list.containsAll(lits);
        case HAS_NONE:
          return lits.stream().noneMatch(list::contains);
        default: // HAS_SOME, CONTAINS
          return lits.stream().anyMatch(list::contains);
      }
    }
    if (v instanceof String s) {
      String a = (String) lits.get(0);
      switch (op) {
        case EQ:
        case IN:
          return lits.contains(s);
        case NE:
        case NOT_IN:
          return !lits.contains(s);
        case CONTAINS:
          return s.contains(a);
        case STARTS_WITH:
          return s.startsWith(a);
        case ENDS_WITH:
          return s.endsWith(a);
        default:
          return Pattern.compile(a).matcher(s).find();
      }
    }
    double x =
        v instanceof Boolean b
            ? (b ? 1 : 0)
            : v instanceof LocalDate d
                ? d.toEpochDay()
                : v instanceof Instant i
                    ? Math.floorDiv(i.getEpochSecond(), 86_400L)
                    : ((Number) v).doubleValue();
    double a = ((Number) lits.get(0)).doubleValue();
    switch (op) {
      case EQ:
        return x == a;
      case NE:
        return x != a;
      case LT:
        return x < a;
      case LE:
        return x <= a;
      case GT:
        return x > a;
      case GE:
        return x >= a;
      case BETWEEN:
        return a <= x && x <= ((Number) lits.get(1)).doubleValue();
      case IN:
        return lits.stream().anyMatch(l -> ((Number) l).doubleValue() == x);
      default:
        return lits.stream().noneMatch(l -> ((Number) l).doubleValue() == x);
    }
  }

  private Object plain(Value v) {
    if (v instanceof Value.Str s) {
      return s.value();
    }
    if (v instanceof Value.Num n) {
      return n.value().doubleValue();
    }
    if (v instanceof Value.Bool b) {
      return b.value() ? 1.0 : 0.0;
    }
    return (double) day((Value.DateValue) v);
  }

  private long day(Value.DateValue d) {
    return d instanceof Value.Date date
        ? date.value().toEpochDay()
        : today + ((Value.RelDate) d).offsetDays();
  }

  private Object aggregate(Customer c, Operand.Aggregate agg) {
    List<Ev> events = qualifying(c, agg.event(), agg.where(), agg.window());
    List<Double> values = new ArrayList<>();
    Set<Object> distinct = new HashSet<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Ev e : events) {
      first = Math.min(first, e.day());
      last = Math.max(last, e.day());
      if (agg.expression() != null) {
        Object key =
            agg.expression() instanceof Expr.Prop p && e.props().get(p.name()) instanceof String s
                ? s
                : null;
        double value = key != null ? Double.NaN : eval(agg.expression(), e);
        if (!Double.isNaN(value)) {
          values.add(value);
          key = value;
        }
        if (key != null) {
          distinct.add(key);
        }
      }
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    switch (agg.fn()) {
      case COUNT:
        return (double) events.size();
      case DISTINCT:
        return (double) distinct.size();
      case SUM:
        return sum;
      case AVG:
        return values.isEmpty() ? null : sum / values.size();
      case MIN:
        return values.stream().min(Double::compare).orElse(null);
      case MAX:
        return values.stream().max(Double::compare).orElse(null);
      case FIRST:
        return events.isEmpty() ? null : (double) first;
      case LAST:
        return events.isEmpty() ? null : (double) last;
      case DAYS_SINCE_FIRST:
        return events.isEmpty() ? null : (double) (today - first);
      default:
        return events.isEmpty() ? null : (double) (today - last);
    }
  }

  private double eval(Expr expr, Ev e) {
    if (expr instanceof Expr.Const k) {
      return k.value().doubleValue();
    }
    if (expr instanceof Expr.Prop p) {
      Object v = e.props().get(p.name());
      return v instanceof Boolean b ? (b ? 1 : 0) : v instanceof Double d ? d : Double.NaN;
    }
    Expr.Arith a = (Expr.Arith) expr;
    double l = eval(a.left(), e);
    double r = eval(a.right(), e);
    return a.op() == '+'
        ? l + r
        : a.op() == '-' ? l - r : a.op() == '*' ? l * r : r == 0 ? Double.NaN : l / r;
  }

  private List<Ev> qualifying(Customer c, String type, Rule where, Window window) {
    List<Ev> out = new ArrayList<>();
    for (Ev e : c.events()) {
      if (e.type().equals(type)
          && e.day() <= today
          && inWindow(e.day(), window)
          && (where == null || holdsOn(where, e))) {
        out.add(e);
      }
    }
    return out;
  }

  private boolean inWindow(long d, Window w) {
    if (w == null) {
      return true;
    }
    if (w instanceof Window.Last last) {
      return d > today - last.days();
    }
    if (w instanceof Window.Between b) {
      return day(b.from()) <= d && d <= day(b.to());
    }
    if (w instanceof Window.Before b) {
      return d < day(b.day());
    }
    return d > day(((Window.After) w).day());
  }

  private boolean holdsOn(Rule where, Ev e) {
    if (where instanceof Rule.And and) {
      return and.terms().stream().allMatch(t -> holdsOn(t, e));
    }
    if (where instanceof Rule.Or or) {
      return or.terms().stream().anyMatch(t -> holdsOn(t, e));
    }
    if (where instanceof Rule.Not not) {
      return !holdsOn(not.term(), e);
    }
    Rule.Compare cmp = (Rule.Compare) where;
    return test(cmp, e.props().get(((Operand.Attr) cmp.operand()).name()));
  }
}
