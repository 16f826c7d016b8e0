package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roaringbitmap.RoaringBitmap;

/** Chunked storage of id sets round-trips on seeded random sets across chunk edges. */
class StoredChunksTest {

  @ParameterizedTest
  @ValueSource(doubles = {0, 0.0005, 0.02, 0.3, 0.98})
  void splitThenJoinGivesTheSameIdsAndEachChunkHoldsOnlyItsRange(double density) {
    Random random = new Random(Double.hashCode(density));
    TreeSet<Integer> ids = RandomIds.ids(random, 200_000, density);
    ids.add(65_535); // the last id of chunk 0 and the first of chunk 1
    ids.add(65_536);
    RoaringBitmap bits = RoaringBitmap.bitmapOf(RandomIds.sorted(ids));

    SortedMap<Integer, byte[]> chunks = StoredChunks.split(bits);

    chunks.forEach(
        (chunk, bytes) -> {
          RoaringBitmap part = StoredChunks.deserialize(bytes);
          assertThat(part.isEmpty()).isFalse();
          assertThat(StoredChunks.chunkOf(part.first())).isEqualTo(chunk);
          assertThat(StoredChunks.chunkOf(part.last())).isEqualTo(chunk);
          assertThat(bytes.length).isLessThanOrEqualTo(8 * 1024 + 64); // one container at most
        });
    assertThat(StoredChunks.join(chunks.values()).toArray()).containsExactly(RandomIds.sorted(ids));
  }

  @Test
  void anEmptySetHasNoChunksAndJoinsToEmpty() {
    assertThat(StoredChunks.split(new RoaringBitmap())).isEmpty();
    assertThat(StoredChunks.join(java.util.List.of()).isEmpty()).isTrue();
  }

  @Test
  void idsAtTheTopOfTheIntRangeKeepTheirChunk() {
    RoaringBitmap bits = RoaringBitmap.bitmapOf(Integer.MAX_VALUE, Integer.MAX_VALUE - 70_000);
    SortedMap<Integer, byte[]> chunks = StoredChunks.split(bits);
    assertThat(chunks).hasSize(2);
    assertThat(StoredChunks.join(chunks.values()).toArray())
        .containsExactly(Integer.MAX_VALUE - 70_000, Integer.MAX_VALUE);
  }
}
