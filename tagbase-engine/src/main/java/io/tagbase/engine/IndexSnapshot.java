package io.tagbase.engine;

import io.tagbase.engine.rule.AttributeTable;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.util.Collection;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.roaringbitmap.RoaringBitmap;

/**
 * A customer dictionary, some keys of a tag index and the customers' attribute columns written to a
 * stream and read back, so a restarted server need not rebuild its index nor re-read attributes
 * from the database (tagbase-bench measures reading a 10M-customer index back; docs/benchmark.md).
 *
 * <p>Format (big-endian), version 2: magic {@code TBIX}, version, a label chosen by the writer (the
 * server stores a matching one in its database), the dictionary's capacity and each id's external
 * id or a hole, the number of keys, then per key its name and its bitmap (dense: word count,
 * cardinality and the words; sparse: Roaring's own portable format), then the {@link
 * AttributeTable} (each column's code, type and values; see {@link AttributeTable#write}), and last
 * a CRC-32 of everything before it. A truncated or altered stream, or one of another version
 * (version 1 had no attributes), is refused with an {@link IOException}, never half-read into an
 * index.
 *
 * <p>Ids stay as they were: a restored dictionary hands out the next id after its capacity, and
 * holes stay holes.
 */
public final class IndexSnapshot {
  private static final int MAGIC = 0x54424958; // "TBIX"
  private static final int VERSION = 2; // 2: attribute columns after the keys
  private static final byte HOLE = 0;
  private static final byte LIVE = 1;
  private static final byte SPARSE = 0;
  private static final byte DENSE = 1;

  /** What {@link #read} gives back. */
  public record Restored(
      String label, CustomerDictionary dictionary, TagIndex index, AttributeTable attributes) {}

  private IndexSnapshot() {}

  /**
   * Writes the dictionary, the given keys of the index (keys the index does not know are written as
   * empty) and the attribute columns, numbered by the dictionary's ids. The caller keeps writers
   * out while this runs and closes {@code out}.
   */
  public static void write(
      String label,
      CustomerDictionary dictionary,
      TagIndex index,
      Collection<String> keys,
      AttributeTable attributes,
      OutputStream out)
      throws IOException {
    CRC32 crc = new CRC32();
    DataOutputStream data =
        new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(out, 1 << 16), crc));
    data.writeInt(MAGIC);
    data.writeInt(VERSION);
    data.writeUTF(label);
    int capacity = dictionary.capacity();
    data.writeInt(capacity);
    for (int id = 0; id < capacity; id++) {
      String externalId = dictionary.externalId(id);
      if (externalId == null) {
        data.writeByte(HOLE);
      } else {
        data.writeByte(LIVE);
        data.writeUTF(externalId);
      }
    }
    data.writeInt(keys.size());
    for (String key : keys) {
      data.writeUTF(key);
      TagBitmap bits = index.view(key);
      if (bits instanceof DenseTagBitmap dense) {
        data.writeByte(DENSE);
        int length = dense.endWord(); // the words past the span are zero
        data.writeInt(length);
        data.writeLong(dense.cardinality());
        writeWords(data, dense.words(), length);
      } else {
        data.writeByte(SPARSE);
        ((SparseTagBitmap) bits).roaring().serialize(data);
      }
    }
    attributes.write(capacity, data);
    data.flush();
    long sum = crc.getValue();
    data.writeLong(sum);
    data.flush();
  }

  private static final int CHUNK_WORDS = 8192; // 64 KiB moved per call

  private static void writeWords(DataOutputStream data, long[] words, int length)
      throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(8 * CHUNK_WORDS);
    for (int from = 0; from < length; from += CHUNK_WORDS) {
      int n = Math.min(CHUNK_WORDS, length - from);
      chunk.clear();
      chunk.asLongBuffer().put(words, from, n);
      data.write(chunk.array(), 0, 8 * n);
    }
  }

  private static void readWords(DataInputStream data, long[] words, int length) throws IOException {
    byte[] chunk = new byte[8 * CHUNK_WORDS];
    LongBuffer view = ByteBuffer.wrap(chunk).asLongBuffer();
    for (int from = 0; from < length; from += CHUNK_WORDS) {
      int n = Math.min(CHUNK_WORDS, length - from);
      data.readFully(chunk, 0, 8 * n);
      view.clear();
      view.get(words, from, n);
    }
  }

  /** Reads what {@link #write} wrote; the caller closes {@code in}. */
  public static Restored read(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    DataInputStream data =
        new DataInputStream(new CheckedInputStream(new BufferedInputStream(in, 1 << 16), crc));
    try {
      if (data.readInt() != MAGIC) {
        throw new IOException("not an index snapshot");
      }
      int version = data.readInt();
      if (version != VERSION) {
        throw new IOException("index snapshot version " + version + ", expected " + VERSION);
      }
      String label = data.readUTF();
      int capacity = data.readInt();
      if (capacity < 0) {
        throw new IOException("negative capacity");
      }
      String[] externalIds = new String[capacity];
      for (int id = 0; id < capacity; id++) {
        byte kind = data.readByte();
        if (kind == LIVE) {
          externalIds[id] = data.readUTF();
        } else if (kind != HOLE) {
          throw new IOException("bad dictionary entry at id " + id);
        }
      }
      TagIndex index = new TagIndex();
      int keys = data.readInt();
      for (int k = 0; k < keys; k++) {
        String key = data.readUTF();
        byte kind = data.readByte();
        if (kind == DENSE) {
          int length = data.readInt();
          long cardinality = data.readLong();
          if (length < 0 || length > DenseTagBitmap.wordsFor(Integer.MAX_VALUE)) {
            throw new IOException("bad word count for key " + key);
          }
          long[] words = new long[Math.max(length, DenseTagBitmap.wordsFor(capacity))];
          readWords(data, words, length);
          index.replace(key, DenseTagBitmap.ofWords(words, cardinality));
        } else if (kind == SPARSE) {
          RoaringBitmap roaring = new RoaringBitmap();
          try {
            roaring.deserialize(data);
          } catch (RuntimeException e) {
            throw new IOException("bad sparse bitmap for key " + key, e);
          }
          index.replace(key, new SparseTagBitmap(roaring));
        } else {
          throw new IOException("bad bitmap kind for key " + key);
        }
      }
      AttributeTable attributes = AttributeTable.read(capacity, data);
      long expected = crc.getValue();
      if (data.readLong() != expected) {
        throw new IOException("index snapshot checksum mismatch: the file is damaged");
      }
      CustomerDictionary dictionary;
      try {
        dictionary = CustomerDictionary.restore(externalIds);
      } catch (IllegalArgumentException e) {
        throw new IOException("index snapshot dictionary: " + e.getMessage(), e);
      }
      return new Restored(label, dictionary, index, attributes);
    } catch (java.io.EOFException e) {
      throw new IOException("index snapshot is truncated", e);
    }
  }
}
