package io.tagbase.engine.rule;

import io.tagbase.engine.IntColumn;
import io.tagbase.engine.TagBitmap;
import java.util.AbstractList;
import java.util.List;
import java.util.function.IntPredicate;

/** One evaluation of a {@link BitmapPlan}: the data, the day, and the live set, computed once. */
final class BitmapEvaluation {
  private final RuleData data;
  private final int today;
  private final int capacity;
  private final TagBitmap live;

  BitmapEvaluation(RuleData data, int today) {
    this.data = data;
    this.today = today;
    this.capacity = data.customers().capacity();
    this.live = data.customers().live();
  }

  TagBitmap evaluate(Rule rule) {
    TagBitmap result = eval(rule);
    result.andInPlace(live);
    return TagBitmap.optimized(result, capacity);
  }

  /** A bitmap the caller owns; may hold ids that are not live (the final AND removes them). */
  private TagBitmap eval(Rule rule) {
    if (rule instanceof Rule.And and) {
      TagBitmap result = eval(and.terms().get(0));
      for (int i = 1; i < and.terms().size() && !result.isEmpty(); i++) {
        result.andInPlace(eval(and.terms().get(i)));
      }
      return result;
    }
    if (rule instanceof Rule.Or or) {
      TagBitmap result = eval(or.terms().get(0)).toDense();
      for (int i = 1; i < or.terms().size(); i++) {
        result.orInPlace(eval(or.terms().get(i)));
      }
      return result;
    }
    if (rule instanceof Rule.Not not) {
      return live.andNot(eval(not.term()));
    }
    if (rule instanceof Rule.HasTag has) {
      return data.tags().bitmap(has.tag());
    }
    if (rule instanceof Rule.Did did) {
      if (EventDays.answers(did, today, data.eventDays())) {
        if (did.window() == null) { // all time: whoever has a count
          double[] counts = data.eventDays().lifetime(AggFn.COUNT, did.event(), today, capacity);
          return scan(id -> counts[id] > 0);
        }
        int from = did.window().from(today);
        int to = did.window().to(today);
        return to < from ? TagBitmap.dense(capacity) : data.eventDays().did(did.event(), from, to);
      }
      double[] counts =
          new BitmapAggregates(data, today)
              .compute(CompiledAggregate.of(did, data.schema(), today));
      return scan(id -> counts[id] > 0);
    }
    Rule.Compare c = (Rule.Compare) rule;
    ValueTest test = ValueTest.of(c.op(), c.values(), today);
    Operand operand = c.operand();
    if (operand instanceof Operand.TagValue tv) {
      return TagClauses.tagValue(data.tags(), tv.tag(), c, live);
    }
    if (operand instanceof Operand.TagSet) {
      return TagClauses.tagSet(data.tags(), c, live);
    }
    if (operand instanceof Operand.Aggregate agg) {
      double[] values =
          EventDays.answers(agg, today, data.eventDays())
              ? tally(agg)
              : new BitmapAggregates(data, today)
                  .compute(CompiledAggregate.of(agg, data.schema(), today));
      return scan(id -> test.number(values[id]));
    }
    String code = ((Operand.Attr) operand).name();
    FieldType type = data.schema().attribute(code).orElseThrow().type();
    return attribute(data.column(code), type, test, c);
  }

  /**
   * The aggregate from the event days' tallies (an empty window: nothing, so 0 for everyone), or
   * over all time from their lifetime summaries (days since: today minus the day).
   */
  private double[] tally(Operand.Aggregate agg) {
    if (agg.window() == null) {
      AggFn fn = agg.fn();
      boolean since = fn == AggFn.DAYS_SINCE_FIRST || fn == AggFn.DAYS_SINCE_LAST;
      AggFn asked = fn == AggFn.DAYS_SINCE_FIRST ? AggFn.FIRST : since ? AggFn.LAST : fn;
      double[] values = data.eventDays().lifetime(asked, agg.event(), today, capacity);
      if (since) {
        for (int id = 0; id < values.length; id++) {
          values[id] = today - values[id]; // NaN stays NaN
        }
      }
      return values;
    }
    int from = agg.window().from(today);
    int to = agg.window().to(today);
    return to < from
        ? new double[capacity]
        : data.eventDays().tally(agg.fn(), agg.event(), from, to, capacity);
  }

  private TagBitmap attribute(
      AttributeColumn column, FieldType type, ValueTest test, Rule.Compare c) {
    if (column instanceof AttributeColumn.Numbers numbers) {
      double[] v = numbers.values;
      boolean datetime = type == FieldType.DATETIME;
      if (!datetime && isRange(c.op())) {
        return range(v, c);
      }
      return scan(
          id -> {
            double value = id < v.length ? v[id] : Double.NaN;
            return test.number(datetime ? RuleValues.dayOfSecond(value) : value);
          });
    }
    if (column instanceof AttributeColumn.Days days) {
      return days(days.days, test, c);
    }
    if (column instanceof AttributeColumn.Strings strings) {
      boolean[] passes = new boolean[strings.values.size()];
      for (int code = 0; code < passes.length; code++) {
        passes[code] = test.string(strings.values.get(code)); // once per distinct value
      }
      boolean missing = test.string(null);
      if (!missing) {
        return strings.codes.in(passes); // missing values are negative: never accepted
      }
      return scan(
          id -> {
            int code = strings.codeOf(id);
            return code < 0 ? missing : passes[code];
          });
    }
    AttributeColumn.Lists lists = (AttributeColumn.Lists) column;
    return scan(id -> test.list(id < lists.items.length ? view(lists, lists.items[id]) : null));
  }

  /** Date ranges use the column's branch-free range scan; the other operators test each id. */
  private TagBitmap days(IntColumn days, ValueTest test, Rule.Compare c) {
    if (c.op().isOrdering() || c.op() == Op.EQ) {
      int a = (int) RuleValues.literal(c.values().get(0), today);
      int min = AttributeColumn.MISSING + 1;
      int max = Integer.MAX_VALUE;
      switch (c.op()) {
        case EQ -> {
          min = a;
          max = a;
        }
        case LT -> max = a - 1;
        case LE -> max = a;
        case GT -> min = a + 1;
        case GE -> min = a;
        default -> {
          min = a;
          max = (int) RuleValues.literal(c.values().get(1), today);
        }
      }
      return days.between(Math.max(min, AttributeColumn.MISSING + 1), max);
    }
    return scan(
        id -> {
          int day = id < days.size() ? days.get(id) : AttributeColumn.MISSING;
          return test.number(day == AttributeColumn.MISSING ? Double.NaN : day);
        });
  }

  private static List<String> view(AttributeColumn.Lists lists, int[] codes) {
    if (codes == null) {
      return null;
    }
    return new AbstractList<>() {
      @Override
      public String get(int i) {
        return lists.dictionary.values.get(codes[i]);
      }

      @Override
      public int size() {
        return codes.length;
      }
    };
  }

  /** The ids below capacity for which {@code holds} is true. */
  private static boolean isRange(Op op) {
    return op.isOrdering() || op == Op.EQ;
  }

  /**
   * A number comparison as one branch-free pass over the column: NaN (missing) fails every
   * comparison, as the language wants.
   */
  private TagBitmap range(double[] v, Rule.Compare c) {
    double a = RuleValues.literal(c.values().get(0), today);
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    switch (c.op()) {
      case EQ -> {
        lo = a;
        hi = a;
      }
      case LT -> hi = Math.nextDown(a);
      case LE -> hi = a;
      case GT -> lo = Math.nextUp(a);
      case GE -> lo = a;
      default -> {
        lo = a;
        hi = RuleValues.literal(c.values().get(1), today);
      }
    }
    long[] words = new long[(capacity + 63) >>> 6];
    int end = Math.min(capacity, v.length);
    for (int id = 0; id < end; id++) {
      double x = v[id];
      words[id >>> 6] |= (x >= lo & x <= hi ? 1L : 0L) << id;
    }
    return TagBitmap.ofWords(words);
  }

  private TagBitmap scan(IntPredicate holds) {
    TagBitmap result = TagBitmap.dense(capacity);
    for (int id = 0; id < capacity; id++) {
      if (holds.test(id)) {
        result.add(id);
      }
    }
    return result;
  }
}
