package io.tagbase.engine;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Counts the members of a condition whose tags are all dense, a block of words at a time, without
 * building any intermediate bitmap: every tag is read from memory once, and the work per block
 * stays in L1 cache. {@link SegmentEvaluator#count} uses it when it applies.
 *
 * <p>Only the condition's span is read: the words where it can have members, i.e. the intersection
 * of its AND terms' spans and the union of its OR terms' (a tag's span is the range of its non-zero
 * words, see {@link DenseTagBitmap}); inside it, a tag whose span misses a block is not read for
 * that block. Words of the live set known to be all ones (no holes) are not read either. When the
 * span times the tags read reaches {@link #parallelWork} words, the span is split over the common
 * {@link ForkJoinPool}; below it, handing half to a parked worker (measured at 50-80 us on this
 * project's VM) costs more than it saves. In tagbase-bench at 10M customers (docs/benchmark.md)
 * block counting took S2 from 0.83 to 0.19 ms and S3 from 2.7 to 1.7 ms; spans and the fused AND
 * then took them to about 0.07 and 0.15 ms.
 */
final class DenseBlockCounter {
  private static final int BLOCK = 256; // words per block: 2 KiB per buffer

  /** Words read (span x tags) from which a pass is split over the cores; tests lower it. */
  static int parallelWork = 1 << 21;

  private DenseBlockCounter() {}

  /** Whether every tag the condition names is known and dense. */
  static boolean applies(Condition condition, TagIndex index) {
    if (condition instanceof Condition.HasTag has) {
      return index.view(has.tag()) instanceof DenseTagBitmap;
    }
    if (condition instanceof Condition.Not not) {
      return applies(not.term(), index);
    }
    if (condition instanceof Condition.Everyone) {
      return true;
    }
    if (condition instanceof Condition.Members) {
      return false; // precomputed members: the general path reads them as they are
    }
    List<Condition> terms =
        condition instanceof Condition.And and ? and.terms() : ((Condition.Or) condition).terms();
    for (Condition term : terms) {
      if (!applies(term, index)) {
        return false;
      }
    }
    return true;
  }

  /** How many live ids satisfy {@code condition}; {@link #applies} must hold. */
  static long count(Condition condition, TagIndex index, CustomerDictionary dictionary) {
    return count(condition, index, dictionary, List.of());
  }

  /**
   * How many live ids satisfy {@code condition} and have a value in every one of {@code ranges}:
   * each block's words are filtered by the ranges before they are counted, so no bitmap is made.
   */
  static long count(
      Condition condition,
      TagIndex index,
      CustomerDictionary dictionary,
      List<IntColumn.Range> ranges) {
    Pass pass =
        new Pass(index, ((DenseTagBitmap) dictionary.liveView()), dictionary.fullLiveWords());
    long span = pass.span(condition);
    int from = Math.max((int) (span >>> 32), pass.live.firstWord());
    int to = Math.min((int) span, pass.live.endWord()); // members are live: within its span
    IntColumn.Range[] filter = ranges.toArray(new IntColumn.Range[0]);
    return to <= from
        ? 0
        : inParts(from, to, leaves(condition), (lo, hi) -> pass.count(condition, lo, hi, filter));
  }

  /** How many tag (or live-set) reads the condition makes per word. */
  private static int leaves(Condition condition) {
    if (condition instanceof Condition.Not not) {
      return leaves(not.term());
    }
    if (condition instanceof Condition.And and) {
      return and.terms().stream().mapToInt(DenseBlockCounter::leaves).sum();
    }
    if (condition instanceof Condition.Or or) {
      return or.terms().stream().mapToInt(DenseBlockCounter::leaves).sum();
    }
    return 1;
  }

  /** Work over the words {@code [lo, hi)}; answers a count (0 when it only writes). */
  private interface RangeWork {
    long run(int lo, int hi);
  }

  /**
   * Runs {@code work} over {@code [from, to)} and sums its answers: in one piece when it reads
   * fewer than {@link #parallelWork} words ({@code streams} arrays over the range), else split on
   * block boundaries over the common {@link ForkJoinPool}.
   */
  private static long inParts(int from, int to, int streams, RangeWork work) {
    int words = to - from;
    int parts =
        (long) words * streams < parallelWork ? 1 : ForkJoinPool.getCommonPoolParallelism() + 1;
    if (parts == 1) {
      return work.run(from, to);
    }
    int blocks = (words + BLOCK - 1) / BLOCK;
    return IntStream.range(0, parts)
        .parallel()
        .mapToLong(
            p -> {
              int lo = from + (int) ((long) blocks * p / parts) * BLOCK;
              int hi = Math.min(to, from + (int) ((long) blocks * (p + 1) / parts) * BLOCK);
              return work.run(lo, hi);
            })
        .sum();
  }

  /**
   * The live ids that satisfy {@code condition}, as a new dense bitmap the caller owns; {@link
   * #applies} must hold. Evaluated a block at a time like {@link #count}, writing only the
   * condition's span: no intermediate bitmap per AND/OR, and the words outside the span are the
   * fresh array's zeros.
   */
  static DenseTagBitmap evaluate(
      Condition condition, TagIndex index, CustomerDictionary dictionary) {
    DenseTagBitmap live = (DenseTagBitmap) dictionary.liveView();
    Pass pass = new Pass(index, live, dictionary.fullLiveWords());
    long span = pass.span(condition);
    int from = Math.max((int) (span >>> 32), live.firstWord());
    int to = Math.min((int) span, live.endWord());
    long[] out = new long[live.words().length];
    if (to <= from) {
      return DenseTagBitmap.ofWords(out, 0);
    }
    inParts(
        from,
        to,
        leaves(condition),
        (lo, hi) -> {
          pass.write(condition, lo, hi, out);
          return 0;
        });
    return DenseTagBitmap.ofWords(out, DenseTagBitmap.UNKNOWN, from, to);
  }

  /** One count: what it reads, and the buffers of the thread that runs it. */
  private record Pass(TagIndex index, DenseTagBitmap live, int fullLiveWords) {

    /** The words {@code [from, to)} the condition can have members in, packed as from<<32 | to. */
    long span(Condition condition) {
      if (condition instanceof Condition.HasTag has) {
        DenseTagBitmap bits = dense(has);
        return pack(bits.firstWord(), bits.endWord());
      }
      if (condition instanceof Condition.Everyone || condition instanceof Condition.Not) {
        return pack(live.firstWord(), live.endWord());
      }
      boolean and = condition instanceof Condition.And;
      List<Condition> terms =
          and ? ((Condition.And) condition).terms() : ((Condition.Or) condition).terms();
      if (terms.isEmpty()) {
        return and ? pack(live.firstWord(), live.endWord()) : 0;
      }
      int from = and ? 0 : Integer.MAX_VALUE;
      int to = and ? Integer.MAX_VALUE : 0;
      for (Condition term : terms) {
        long span = span(term);
        int lo = (int) (span >>> 32);
        int hi = (int) span;
        if (and) {
          from = Math.max(from, lo);
          to = Math.min(to, hi);
        } else if (lo < hi) {
          from = Math.min(from, lo);
          to = Math.max(to, hi);
        }
      }
      // the live set bounds every member: a result never reaches past it
      from = Math.max(from, live.firstWord());
      to = Math.min(to, live.endWord());
      return from < to ? pack(from, to) : 0;
    }

    private static long pack(int from, int to) {
      return from < to ? ((long) from << 32) | to : 0;
    }

    private DenseTagBitmap dense(Condition.HasTag has) {
      return (DenseTagBitmap) index.view(has.tag());
    }

    long count(Condition condition, int start, int stop, IntColumn.Range[] ranges) {
      if (ranges.length == 0
          && condition instanceof Condition.And and
          && and.terms().size() == 2
          && and.terms().get(0) instanceof Condition.HasTag a
          && and.terms().get(1) instanceof Condition.HasTag b) {
        return countBoth(dense(a).words(), dense(b).words(), start, stop); // A AND B, fused
      }
      long[] liveWords = live.words();
      long[] acc = new long[BLOCK];
      long[][] spare = new long[depth(condition)][]; // a buffer per nesting level, made if needed
      long count = 0;
      for (int from = start; from < stop; from += BLOCK) {
        int len = Math.min(BLOCK, stop - from);
        eval(condition, from, len, acc, spare, 0);
        if (from + len > fullLiveWords) {
          for (int i = 0; i < len; i++) {
            acc[i] &= liveWords[from + i];
          }
        }
        if (ranges.length == 0) {
          for (int i = 0; i < len; i++) {
            count += Long.bitCount(acc[i]);
          }
        } else {
          for (int i = 0; i < len; i++) {
            for (long word = acc[i]; word != 0; word &= word - 1) {
              if (IntColumn.holdsAll(
                  ranges, ((from + i) << 6) + Long.numberOfTrailingZeros(word))) {
                count++;
              }
            }
          }
        }
      }
      return count;
    }

    /** Writes the condition's live words {@code [start, stop)} into {@code out} at their place. */
    void write(Condition condition, int start, int stop, long[] out) {
      long[] liveWords = live.words();
      long[] acc = new long[BLOCK];
      long[][] spare = new long[depth(condition)][];
      for (int from = start; from < stop; from += BLOCK) {
        int len = Math.min(BLOCK, stop - from);
        eval(condition, from, len, acc, spare, 0);
        if (from + len <= fullLiveWords) {
          System.arraycopy(acc, 0, out, from, len);
        } else {
          for (int i = 0; i < len; i++) {
            out[from + i] = acc[i] & liveWords[from + i];
          }
        }
      }
    }

    /** Live ids in both {@code a} and {@code b} in words {@code [start, stop)}, in one loop. */
    private long countBoth(long[] a, long[] b, int start, int stop) {
      long count = 0;
      int full = Math.max(start, Math.min(stop, fullLiveWords));
      for (int i = start; i < full; i++) {
        count += Long.bitCount(a[i] & b[i]);
      }
      long[] liveWords = live.words();
      for (int i = full; i < stop; i++) {
        count += Long.bitCount(a[i] & b[i] & liveWords[i]);
      }
      return count;
    }

    /** Writes the condition's words {@code from..from+len-1} into {@code out[0..len-1]}. */
    private void eval(
        Condition condition, int from, int len, long[] out, long[][] spare, int depth) {
      if (condition instanceof Condition.HasTag has) {
        DenseTagBitmap bits = dense(has);
        int lo = Math.max(from, bits.firstWord());
        int hi = Math.min(from + len, bits.endWord());
        if (lo >= hi) {
          Arrays.fill(out, 0, len, 0L); // the tag has no ids in this block: not read
        } else {
          Arrays.fill(out, 0, lo - from, 0L);
          System.arraycopy(bits.words(), lo, out, lo - from, hi - lo);
          Arrays.fill(out, hi - from, len, 0L);
        }
      } else if (condition instanceof Condition.Everyone) {
        liveWords(from, len, out);
      } else if (condition instanceof Condition.Not not) {
        eval(not.term(), from, len, out, spare, depth);
        if (from + len <= fullLiveWords) {
          for (int i = 0; i < len; i++) {
            out[i] = ~out[i];
          }
        } else {
          long[] liveWords = live.words();
          for (int i = 0; i < len; i++) {
            out[i] = ~out[i] & (from + i < liveWords.length ? liveWords[from + i] : 0L);
          }
        }
      } else if (condition instanceof Condition.And and) {
        combine(and.terms(), true, from, len, out, spare, depth);
      } else {
        combine(((Condition.Or) condition).terms(), false, from, len, out, spare, depth);
      }
    }

    private void liveWords(int from, int len, long[] out) {
      if (from + len <= fullLiveWords) {
        Arrays.fill(out, 0, len, -1L);
        return;
      }
      long[] liveWords = live.words();
      int n = Math.max(0, Math.min(len, liveWords.length - from));
      System.arraycopy(liveWords, from, out, 0, n);
      Arrays.fill(out, n, len, 0L);
    }

    private void combine(
        List<Condition> terms,
        boolean and,
        int from,
        int len,
        long[] out,
        long[][] spare,
        int depth) {
      if (terms.isEmpty()) {
        if (and) {
          liveWords(from, len, out); // empty AND: everyone
        } else {
          Arrays.fill(out, 0, len, 0L); // empty OR: no one
        }
        return;
      }
      eval(terms.get(0), from, len, out, spare, depth);
      for (int t = 1; t < terms.size(); t++) {
        Condition term = terms.get(t);
        Condition leaf = term instanceof Condition.Not not ? not.term() : term;
        if (leaf instanceof Condition.HasTag has) { // read the tag in place, no copy
          boolean negate = leaf != term;
          DenseTagBitmap bits = dense(has);
          int lo = Math.max(from, bits.firstWord());
          int hi = Math.max(lo, Math.min(from + len, bits.endWord()));
          long[] src = bits.words();
          if (and && negate) { // outside [lo, hi) the tag is zero: nothing to remove
            for (int i = lo; i < hi; i++) {
              out[i - from] &= ~src[i];
            }
          } else if (and) {
            Arrays.fill(out, 0, lo - from, 0L);
            for (int i = lo; i < hi; i++) {
              out[i - from] &= src[i];
            }
            Arrays.fill(out, hi - from, len, 0L);
          } else if (negate) { // OR NOT tag: the complement is all ones outside [lo, hi)
            Arrays.fill(out, 0, lo - from, -1L);
            for (int i = lo; i < hi; i++) {
              out[i - from] |= ~src[i];
            }
            Arrays.fill(out, hi - from, len, -1L);
          } else {
            for (int i = lo; i < hi; i++) {
              out[i - from] |= src[i];
            }
          }
        } else {
          if (spare[depth] == null) {
            spare[depth] = new long[BLOCK];
          }
          long[] tmp = spare[depth];
          eval(term, from, len, tmp, spare, depth + 1);
          if (and) {
            for (int i = 0; i < len; i++) {
              out[i] &= tmp[i];
            }
          } else {
            for (int i = 0; i < len; i++) {
              out[i] |= tmp[i];
            }
          }
        }
        if (and && allZero(out, len)) {
          Arrays.fill(out, 0, len, 0L);
          return; // the block has no members: the remaining terms are not read
        }
      }
    }

    /** How deeply AND/OR nodes nest in the condition (0 for a leaf). */
    private static int depth(Condition condition) {
      if (condition instanceof Condition.Not not) {
        return depth(not.term());
      }
      List<Condition> terms =
          condition instanceof Condition.And and
              ? and.terms()
              : condition instanceof Condition.Or or ? or.terms() : List.of();
      int deepest = 0;
      for (Condition term : terms) {
        deepest = Math.max(deepest, depth(term));
      }
      return terms.isEmpty() ? 0 : deepest + 1;
    }

    private static boolean allZero(long[] words, int len) {
      long any = 0;
      for (int i = 0; i < len; i++) {
        any |= words[i];
      }
      return any == 0;
    }
  }
}
