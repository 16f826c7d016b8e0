package io.tagbase.engine;

import org.roaringbitmap.RoaringBitmap;

/**
 * One {@link StoredChunks chunk} of a stored set kept day after day as rows, each stored only when
 * the chunk changed since the previous stored day:
 *
 * <ul>
 *   <li>a <em>full</em> row holds the chunk as it was that day (an empty one: nobody any more);
 *   <li>a <em>diff</em> row holds the ids that joined or left since the previous stored day (the
 *       symmetric difference, XOR);
 *   <li>no row: unchanged.
 * </ul>
 *
 * A day's chunk is its newest full row at or before the day XOR every diff row after it up to the
 * day (none: the empty set XOR every diff row). {@link #next} writes a diff while the diffs since
 * the last full row stay smaller than a full row, so reading a day reads at most about twice a full
 * chunk. Clearing an id from every row that holds it (an erasure) clears it from every day.
 *
 * <p>Cost: linear in the rows' serialized sizes (at most 8 KB each). Thread-safe: no shared state.
 */
public final class ChunkDeltas {
  private ChunkDeltas() {}

  /** One stored row: a diff or a full chunk, serialized by {@link StoredChunks#serialize}. */
  public record Row(boolean diff, byte[] bytes) {

    /** The row's ids (zero bytes: none, a full row of an empty chunk written by SQL). */
    public RoaringBitmap ids() {
      return bytes.length == 0 ? new RoaringBitmap() : StoredChunks.deserialize(bytes);
    }
  }

  /**
   * A chunk as rebuilt from its rows, oldest first: its ids, and the bytes of the diff rows since
   * its last full row. Immutable: {@link #apply} answers a new state.
   */
  public record State(RoaringBitmap ids, long chainBytes) {
    /** No rows yet: empty. */
    public static final State EMPTY = new State(new RoaringBitmap(), 0);

    /** The state after the next stored day's row. */
    public State apply(Row row) {
      RoaringBitmap bits = row.ids();
      if (row.diff()) {
        return new State(RoaringBitmap.xor(ids, bits), chainBytes + row.bytes().length);
      }
      return new State(bits, 0);
    }
  }

  /**
   * The row that takes a chunk from {@code before} (the state as of the previous stored day) to
   * {@code now}, or null when nothing changed: a diff while the diffs since the last full row plus
   * this one stay smaller than the full chunk, else the full chunk (an empty chunk is always a
   * full, empty row: a few bytes).
   */
  public static Row next(State before, RoaringBitmap now) {
    RoaringBitmap changed = RoaringBitmap.xor(before.ids(), now);
    if (changed.isEmpty()) {
      return null;
    }
    byte[] full = StoredChunks.serialize(now.clone());
    byte[] diff = StoredChunks.serialize(changed);
    return before.chainBytes() + diff.length < full.length
        ? new Row(true, diff)
        : new Row(false, full);
  }

  /**
   * The row the next stored day keeps for a chunk when the day before it, whose row was {@code
   * dropped}, is deleted: the next day's own row when it is full, {@code dropped} when the next day
   * had none, else both diffs merged into one row of {@code dropped}'s kind. Null when the merge is
   * an empty diff (the two cancel out).
   */
  public static Row carry(Row dropped, Row next) {
    if (next == null) {
      return dropped;
    }
    if (!next.diff()) {
      return next;
    }
    RoaringBitmap merged = RoaringBitmap.xor(dropped.ids(), next.ids());
    if (dropped.diff() && merged.isEmpty()) {
      return null;
    }
    return new Row(dropped.diff(), StoredChunks.serialize(merged));
  }
}
