package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roaringbitmap.RoaringBitmap;

/**
 * One chunk kept day by day as full and diff rows against a brute-force reference: the set taken
 * each day, on seeded random churn, with days dropped (carried forward) and ids cleared.
 */
class ChunkDeltasTest {
  private static final int DAYS = 60;

  /** Day to row: only days on which the chunk changed have one. */
  private static TreeMap<Integer, ChunkDeltas.Row> store(List<RoaringBitmap> taken) {
    TreeMap<Integer, ChunkDeltas.Row> rows = new TreeMap<>();
    ChunkDeltas.State state = ChunkDeltas.State.EMPTY;
    for (int day = 0; day < taken.size(); day++) {
      ChunkDeltas.Row row = ChunkDeltas.next(state, taken.get(day));
      if (row != null) {
        rows.put(day, row);
        state = state.apply(row);
      }
      assertThat(state.ids()).isEqualTo(taken.get(day));
    }
    return rows;
  }

  private static RoaringBitmap read(TreeMap<Integer, ChunkDeltas.Row> rows, int day) {
    ChunkDeltas.State state = ChunkDeltas.State.EMPTY;
    for (ChunkDeltas.Row row : rows.headMap(day, true).values()) {
      state = state.apply(row);
    }
    return state.ids();
  }

  private static List<RoaringBitmap> churn(Random random, double density, double change) {
    List<RoaringBitmap> days = new ArrayList<>();
    RoaringBitmap ids = new RoaringBitmap();
    for (int id = 0; id < StoredChunks.CHUNK_IDS; id++) {
      if (random.nextDouble() < density) {
        ids.add(id);
      }
    }
    for (int day = 0; day < DAYS; day++) {
      if (day == 20) {
        ids = new RoaringBitmap(); // everyone leaves: an empty chunk
      } else if (day == 25) {
        ids.add(0L, 40_000L); // a rule gives it to a range
      } else if (random.nextInt(4) > 0) { // some days nothing changes
        int flips = (int) Math.ceil(Math.max(1, ids.getCardinality()) * change);
        for (int f = 0; f < flips; f++) {
          int id = random.nextInt(StoredChunks.CHUNK_IDS);
          if (!ids.checkedRemove(id)) {
            ids.add(id);
          }
        }
      }
      days.add(ids.clone());
    }
    return days;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.001, 0.05, 0.5, 0.97})
  void everyDayReadsBackWhatWasTakenAndUnchangedDaysStoreNothing(double density) {
    List<RoaringBitmap> taken = churn(new Random(Double.hashCode(density)), density, 0.01);
    TreeMap<Integer, ChunkDeltas.Row> rows = store(taken);

    for (int day = 0; day < DAYS; day++) {
      assertThat(read(rows, day)).as("day " + day).isEqualTo(taken.get(day));
      boolean changed =
          day == 0 ? !taken.get(0).isEmpty() : !taken.get(day).equals(taken.get(day - 1));
      assertThat(rows.containsKey(day)).as("row on day " + day).isEqualTo(changed);
    }
    assertThat(rows.get(20).diff()).isFalse(); // now empty: a full, empty row
    assertThat(rows.get(20).ids().isEmpty()).isTrue();
  }

  @Test
  void smallChangesAreStoredAsDiffsAndTheChainStaysUnderAFullChunk() {
    List<RoaringBitmap> taken = churn(new Random(7), 0.4, 0.01);
    TreeMap<Integer, ChunkDeltas.Row> rows = store(taken);
    long full = StoredChunks.serialize(taken.get(DAYS - 1).clone()).length;
    long stored = rows.values().stream().mapToLong(r -> r.bytes().length).sum();

    assertThat(rows.get(1).diff()).isTrue();
    assertThat(stored).isLessThan(full * DAYS / 5);
    long chain = 0;
    for (ChunkDeltas.Row row : rows.values()) {
      chain = row.diff() ? chain + row.bytes().length : 0;
      assertThat(chain).isLessThan(8 * 1024 + 64);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void droppingDaysCarriesTheirRowsForwardAndClearingAnIdClearsItFromEveryDay(long seed) {
    Random random = new Random(seed);
    List<RoaringBitmap> taken = churn(random, 0.02 + random.nextDouble() * 0.6, 0.02);
    TreeMap<Integer, ChunkDeltas.Row> rows = store(taken);
    List<Integer> kept = new ArrayList<>();
    for (int day = 0; day < DAYS; day++) {
      kept.add(day);
    }
    // drop a random day (oldest ones more often) many times, as pruning and thinning do
    for (int drop = 0; drop < 35; drop++) {
      int at = random.nextInt(3) == 0 ? random.nextInt(kept.size() - 1) : 0;
      int day = kept.remove(at);
      ChunkDeltas.Row dropped = rows.remove(day);
      int next = kept.get(at);
      if (dropped != null) {
        ChunkDeltas.Row carried = ChunkDeltas.carry(dropped, rows.get(next));
        if (carried == null) {
          rows.remove(next);
        } else {
          rows.put(next, carried);
        }
      }
      for (int k : kept) {
        assertThat(read(rows, k)).as("day " + k + " after dropping " + day).isEqualTo(taken.get(k));
      }
    }
    // clear an id held on some kept days: from every row that holds it
    int erased = taken.get(kept.get(0)).first();
    rows.replaceAll(
        (d, row) -> {
          RoaringBitmap ids = row.ids();
          ids.remove(erased);
          return new ChunkDeltas.Row(row.diff(), StoredChunks.serialize(ids));
        });
    for (int k : kept) {
      RoaringBitmap expected = taken.get(k).clone();
      expected.remove(erased);
      assertThat(read(rows, k)).as("day " + k + " after the erasure").isEqualTo(expected);
    }
  }
}
