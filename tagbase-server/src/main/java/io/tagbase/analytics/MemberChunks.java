package io.tagbase.analytics;

import io.tagbase.engine.ChunkDeltas;
import io.tagbase.engine.StoredChunks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * A tag's stored members as chunk rows that change day by day ({@link ChunkDeltas}): which chunks a
 * tag's holders fall into, and the rows that take them from one stored day to the next. Stateless.
 */
final class MemberChunks {
  /** Rows are written by value code, then chunk. */
  private static final Comparator<Key> KEY_ORDER =
      Comparator.comparing(Key::valueCode).thenComparingInt(Key::chunk);

  private MemberChunks() {}

  /** A chunk of a tag value's holders: value code ('' for a flag tag) and chunk number. */
  record Key(String valueCode, int chunk) {}

  /** One chunk row to insert. */
  record Chunk(long tagId, String valueCode, int chunk, ChunkDeltas.Row row) {
    Key key() {
      return new Key(valueCode, chunk);
    }
  }

  /** A tag value's holders (database ids) cut into chunks. */
  static Map<Key, RoaringBitmap> chunksOf(String valueCode, RoaringBitmap members) {
    Map<Key, RoaringBitmap> chunks = new HashMap<>();
    StoredChunks.parts(members).forEach((chunk, ids) -> chunks.put(new Key(valueCode, chunk), ids));
    return chunks;
  }

  /**
   * The rows that take a tag's chunks from {@code before} (as of its previous stored day) to {@code
   * now}: one per changed chunk ({@link ChunkDeltas#next}); a chunk missing from {@code now} is
   * empty.
   */
  static List<Chunk> deltas(
      long tagId, Map<Key, ChunkDeltas.State> before, Map<Key, RoaringBitmap> now) {
    List<Chunk> rows = new ArrayList<>();
    Set<Key> keys = new TreeSet<>(KEY_ORDER);
    keys.addAll(before.keySet());
    keys.addAll(now.keySet());
    for (Key key : keys) {
      ChunkDeltas.Row row =
          ChunkDeltas.next(
              before.getOrDefault(key, ChunkDeltas.State.EMPTY),
              now.getOrDefault(key, new RoaringBitmap()));
      if (row != null) {
        rows.add(new Chunk(tagId, key.valueCode(), key.chunk(), row));
      }
    }
    return rows;
  }

  /** {@code state} after {@code rows} (of the next stored day). */
  static Map<Key, ChunkDeltas.State> after(Map<Key, ChunkDeltas.State> state, List<Chunk> rows) {
    Map<Key, ChunkDeltas.State> next = new HashMap<>(state);
    for (Chunk c : rows) {
      next.put(c.key(), next.getOrDefault(c.key(), ChunkDeltas.State.EMPTY).apply(c.row()));
    }
    return next;
  }
}
