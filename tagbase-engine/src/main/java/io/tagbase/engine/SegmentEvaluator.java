package io.tagbase.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates a {@link Condition} against a {@link TagIndex}, over the live customers of a {@link
 * CustomerDictionary}. Results never contain holes (removed customers) or ids the dictionary never
 * handed out, even if the index still names them.
 *
 * <p>Cost: one bitmap operation per node of the condition, plus at most one AND with the live set.
 * Tag bitmaps are read in place, never copied; an AND evaluates its tags first and stops at the
 * first empty one, then folds its terms from the smallest up so the running result only shrinks,
 * and turns its {@code NOT} terms into ANDNOT instead of complementing them. {@link #count} and
 * {@link #page} do not copy a result they only read.
 *
 * <p>Reads only: safe to call from several threads while nobody writes the index or dictionary.
 */
public final class SegmentEvaluator {
  private static final Result NOBODY = new Result(new SparseTagBitmap(), false, true);

  private final TagIndex index;
  private final CustomerDictionary dictionary;

  public SegmentEvaluator(TagIndex index, CustomerDictionary dictionary) {
    this.index = index;
    this.dictionary = dictionary;
  }

  /** The members, as a new bitmap the caller owns. */
  public TagBitmap evaluate(Condition condition) {
    if (isTree(condition) && DenseBlockCounter.applies(condition, index)) {
      return DenseBlockCounter.evaluate(condition, index, dictionary);
    }
    Result result = eval(condition);
    TagBitmap members = restricted(result);
    return members == result.bits && !result.owned ? members.copy() : members;
  }

  /** How many live customers satisfy the condition. */
  public long count(Condition condition) {
    if (condition instanceof Condition.HasTag has) {
      return index.view(has.tag()).andCardinality(live());
    }
    if (condition instanceof Condition.Everyone) {
      return dictionary.size();
    }
    if (condition instanceof Condition.Not not) {
      return dictionary.size() - count(not.term());
    }
    if (DenseBlockCounter.applies(condition, index)) {
      return DenseBlockCounter.count(condition, index, dictionary);
    }
    Result result = eval(condition);
    return result.withinLive ? result.bits.cardinality() : result.bits.andCardinality(live());
  }

  /**
   * How many live customers satisfy the condition and have a value in every one of {@code ranges}
   * (attribute ranges on top of tags): an all-dense AND/OR is filtered a block at a time as it is
   * counted, anything else is evaluated once and its members checked; no bitmap per range.
   */
  public long count(Condition condition, List<IntColumn.Range> ranges) {
    if (ranges.isEmpty()) {
      return count(condition);
    }
    if (isTree(condition) && DenseBlockCounter.applies(condition, index)) {
      return DenseBlockCounter.count(condition, index, dictionary, ranges);
    }
    return IntColumn.count(evaluate(condition), ranges);
  }

  /** The total and up to {@code limit} member ids in ascending order, skipping {@code offset}. */
  public SegmentPage page(Condition condition, int offset, int limit) {
    SparseTagBitmap.checkPage(offset, limit);
    TagBitmap members =
        isTree(condition) && DenseBlockCounter.applies(condition, index)
            ? DenseBlockCounter.evaluate(condition, index, dictionary)
            : restricted(eval(condition));
    return new SegmentPage(members.cardinality(), members.page(offset, limit));
  }

  /** An AND/OR (a single tag, NOT or everyone is read in place or in one pass already). */
  private static boolean isTree(Condition condition) {
    return condition instanceof Condition.And || condition instanceof Condition.Or;
  }

  /**
   * A bitmap and whether we own it (may modify it) or it is shared with the index or dictionary,
   * and whether it is known to hold live ids only.
   */
  private record Result(TagBitmap bits, boolean owned, boolean withinLive) {}

  private TagBitmap live() {
    return dictionary.liveView();
  }

  /** The result cut down to live ids; shared with the index when the result was and is. */
  private TagBitmap restricted(Result result) {
    if (result.withinLive) {
      return result.bits;
    }
    if (result.owned) {
      result.bits.andInPlace(live());
      return result.bits;
    }
    return result.bits.and(live());
  }

  private Result eval(Condition condition) {
    if (condition instanceof Condition.HasTag has) {
      return new Result(index.view(has.tag()), false, false);
    }
    if (condition instanceof Condition.And and) {
      return and(and.terms());
    }
    if (condition instanceof Condition.Or or) {
      return or(or.terms());
    }
    if (condition instanceof Condition.Not not) {
      return new Result(live().andNot(eval(not.term()).bits), true, true);
    }
    if (condition instanceof Condition.Everyone) {
      return new Result(live(), false, true);
    }
    if (condition instanceof Condition.Members members) {
      return new Result(members.members(), false, false);
    }
    throw new IllegalArgumentException("unknown condition: " + condition);
  }

  private Result and(List<Condition> terms) {
    List<Result> positives = new ArrayList<>(terms.size());
    for (Condition term : terms) { // tags first: an empty one settles the AND for free
      if (term instanceof Condition.HasTag has) {
        TagBitmap bits = index.view(has.tag());
        if (bits.isEmpty()) {
          return NOBODY;
        }
        positives.add(new Result(bits, false, false));
      }
    }
    List<Condition> negatives = new ArrayList<>();
    for (Condition term : terms) {
      if (term instanceof Condition.Not not) {
        negatives.add(not.term());
      } else if (!(term instanceof Condition.HasTag || term instanceof Condition.Everyone)) {
        Result result = eval(term); // Everyone is skipped: the final cut to live ids covers it
        if (result.bits.isEmpty()) {
          return NOBODY;
        }
        positives.add(result);
      }
    }
    if (positives.isEmpty()) {
      positives.add(new Result(live(), false, true));
    }
    positives.sort(Comparator.comparingLong(result -> result.bits.cardinality()));

    TagBitmap acc = positives.get(0).bits;
    boolean owned = positives.get(0).owned;
    boolean withinLive = false;
    for (Result next : positives) {
      withinLive |= next.withinLive;
      if (next.bits == acc) {
        continue;
      }
      if (owned) {
        acc.andInPlace(next.bits);
      } else {
        acc = acc.and(next.bits);
        owned = true;
      }
      if (acc.isEmpty()) {
        return NOBODY;
      }
    }
    for (Condition negative : negatives) {
      TagBitmap excluded = eval(negative).bits;
      if (owned) {
        acc.andNotInPlace(excluded);
      } else {
        acc = acc.andNot(excluded);
        owned = true;
      }
      if (acc.isEmpty()) {
        return NOBODY;
      }
    }
    return new Result(acc, owned, withinLive);
  }

  private Result or(List<Condition> terms) {
    TagBitmap acc = null;
    boolean owned = false;
    boolean withinLive = true;
    for (Condition term : terms) {
      Result next = eval(term);
      withinLive &= next.withinLive;
      if (next.bits.isEmpty()) {
        continue;
      }
      if (acc == null) {
        acc = next.bits;
        owned = next.owned;
      } else if (owned && (acc.isDense() || !next.bits.isDense())) {
        acc.orInPlace(next.bits);
      } else {
        acc = acc.or(next.bits); // a sparse accumulator meeting a dense term becomes dense
        owned = true;
      }
    }
    return acc == null ? NOBODY : new Result(acc, owned, withinLive);
  }
}
