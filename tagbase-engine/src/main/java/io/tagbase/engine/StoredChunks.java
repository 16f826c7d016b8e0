package io.tagbase.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * A set of stored ids (see {@link StoredIds}) cut into chunks of {@value #CHUNK_IDS} consecutive
 * ids, each serialized in RoaringBitmap's portable format. One chunk is one Roaring container: at
 * most 8 KB, whatever the population. Kept in chunks so that removing one id (an erasure) rewrites
 * a few kilobytes instead of the whole set.
 *
 * <p>Cost: {@link #split} and {@link #join} are linear in the serialized size (about 1.2 MB for 2M
 * ids spread over 10M). Thread-safe: no state.
 */
public final class StoredChunks {
  /** Ids per chunk: 2^16, one Roaring container. */
  public static final int CHUNK_IDS = 1 << 16;

  private StoredChunks() {}

  /** The chunk that holds {@code storedId}. */
  public static int chunkOf(int storedId) {
    return storedId >>> 16;
  }

  /** The non-empty chunks of {@code ids}, by chunk number. {@code ids} is not modified. */
  public static SortedMap<Integer, byte[]> split(RoaringBitmap ids) {
    SortedMap<Integer, byte[]> chunks = new TreeMap<>();
    parts(ids).forEach((chunk, part) -> chunks.put(chunk, serialize(part)));
    return chunks;
  }

  /** The non-empty chunks of {@code ids} as sets, by chunk number. {@code ids} is not modified. */
  public static SortedMap<Integer, RoaringBitmap> parts(RoaringBitmap ids) {
    SortedMap<Integer, RoaringBitmap> chunks = new TreeMap<>();
    if (ids.isEmpty()) {
      return chunks;
    }
    int first = chunkOf(ids.first());
    int last = chunkOf(ids.last());
    for (int chunk = first; chunk <= last; chunk++) {
      long start = (long) chunk * CHUNK_IDS;
      RoaringBitmap part = ids.selectRange(start, start + CHUNK_IDS);
      if (!part.isEmpty()) {
        chunks.put(chunk, part);
      }
    }
    return chunks;
  }

  /** The union of chunks (of one set, or any sets), in any order. */
  public static RoaringBitmap join(Collection<byte[]> chunks) {
    List<RoaringBitmap> parts = new ArrayList<>(chunks.size());
    for (byte[] chunk : chunks) {
      parts.add(deserialize(chunk));
    }
    return RoaringBitmap.or(parts.iterator());
  }

  /** Portable serialization of {@code ids}. */
  public static byte[] serialize(RoaringBitmap ids) {
    ids.runOptimize();
    ByteBuffer buffer = ByteBuffer.allocate(ids.serializedSizeInBytes());
    ids.serialize(buffer);
    return buffer.array();
  }

  /** The set {@link #serialize} wrote. */
  public static RoaringBitmap deserialize(byte[] bytes) {
    RoaringBitmap ids = new RoaringBitmap();
    try {
      ids.deserialize(ByteBuffer.wrap(bytes));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a serialized bitmap: " + bytes.length + " bytes", e);
    }
    return ids;
  }
}
