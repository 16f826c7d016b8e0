package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roaringbitmap.RoaringBitmap;

/**
 * Translations between dictionary ids and stored ids against a plain map, on seeded random worlds
 * where stored ids are shuffled and sparse, some customers are erased (dictionary holes) and some
 * stored ids are forgotten.
 */
class StoredIdsTest {

  /** A dictionary of {@code customers}, each paired with a distinct random stored id. */
  private record World(
      CustomerDictionary dictionary,
      StoredIds ids,
      Map<Integer, Integer> storedOf,
      Set<Integer> dead) {

    static World random(Random random, int customers) {
      CustomerDictionary dictionary = new CustomerDictionary();
      StoredIds ids = new StoredIds();
      Map<Integer, Integer> storedOf = new HashMap<>();
      List<Integer> stored = new ArrayList<>();
      for (int s = 0; s < customers * 3 + 1; s++) {
        stored.add(s + 1_000);
      }
      Collections.shuffle(stored, random);
      Set<Integer> dead = new TreeSet<>();
      for (int c = 0; c < customers; c++) {
        int id = dictionary.intern("c" + c);
        ids.put(id, stored.get(c));
        storedOf.put(id, stored.get(c));
      }
      for (int c = 0; c < customers; c++) {
        double roll = random.nextDouble();
        if (roll < 0.05) {
          dictionary.remove("c" + c); // erased: a hole, still mapped
          dead.add(c);
        } else if (roll < 0.1) {
          ids.forgetStored(storedOf.get(c)); // erased and forgotten
          dead.add(c);
        }
      }
      return new World(dictionary, ids, storedOf, dead);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 70, 5_000, 140_000})
  void toStoredAndBackKeepsLiveMappedIdsOnly(int customers) {
    Random random = new Random(customers);
    World world = World.random(random, customers);
    for (boolean dense : new boolean[] {false, true}) {
      TreeSet<Integer> members = RandomIds.ids(random, customers, 0.4);
      TagBitmap bits = RandomIds.bitmap(random, members, dense, customers);

      RoaringBitmap stored = world.ids().toStored(bits);
      TreeSet<Integer> expectedStored = new TreeSet<>();
      TreeSet<Integer> expectedBack = new TreeSet<>();
      for (int id : members) {
        boolean forgotten = world.ids().storedId(id) < 0;
        if (!forgotten) {
          expectedStored.add(world.storedOf().get(id));
          if (world.dictionary().isLive(id)) {
            expectedBack.add(id);
          }
        }
      }
      assertThat(stored.toArray()).containsExactly(RandomIds.sorted(expectedStored));
      TagBitmap back = world.ids().fromStored(stored, world.dictionary());
      assertThat(back.toArray()).containsExactly(RandomIds.sorted(expectedBack));
      int[] unordered = stored.toArray();
      List<Integer> shuffled = new ArrayList<>();
      for (int s : unordered) {
        shuffled.add(s);
        shuffled.add(s); // repeats: one event per order, say
      }
      Collections.shuffle(shuffled, random);
      int[] array = shuffled.stream().mapToInt(Integer::intValue).toArray();
      assertThat(world.ids().fromStored(array, world.dictionary()).toArray())
          .containsExactly(RandomIds.sorted(expectedBack));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 70, 5_000})
  void storedIdsNobodyHoldsAreLeftOut(int customers) {
    World world = World.random(new Random(7), customers);
    RoaringBitmap strangers = RoaringBitmap.bitmapOf(0, 999, Integer.MAX_VALUE - 1);
    assertThat(world.ids().fromStored(strangers, world.dictionary()).isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 70})
  void puttingAgainReplacesBothSidesOfTheOldPair(int customers) {
    World world = World.random(new Random(3), customers);
    StoredIds ids = new StoredIds();
    ids.put(0, 5);
    ids.put(1, 5); // stored id 5 now belongs to dictionary id 1
    assertThat(ids.storedId(0)).isEqualTo(-1);
    assertThat(ids.id(5)).isEqualTo(1);
    ids.put(1, 6);
    assertThat(ids.id(5)).isEqualTo(-1);
    assertThat(ids.size()).isEqualTo(1);
    assertThat(world.ids().size()).isLessThanOrEqualTo(customers);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 70, 5_000, 140_000})
  void partitionOfStoredSetsCoversEveryLiveCustomerOnce(int customers) {
    Random random = new Random(customers + 1);
    World world = World.random(random, customers);
    int[] valueOf = new int[customers]; // -1: none
    List<RoaringBitmap> stored = new ArrayList<>();
    for (int v = 0; v < 3; v++) {
      stored.add(new RoaringBitmap());
    }
    for (int id = 0; id < customers; id++) {
      valueOf[id] = random.nextInt(4) - 1;
      int storedId = world.ids().storedId(id);
      if (valueOf[id] >= 0 && storedId >= 0) {
        stored.get(valueOf[id]).add(storedId);
      }
    }
    List<TagBitmap> partition = world.ids().partition(stored, world.dictionary());
    assertThat(partition).hasSize(4);
    for (int id = 0; id < customers; id++) {
      boolean live = world.dictionary().isLive(id) && world.ids().storedId(id) >= 0;
      for (int v = 0; v < 3; v++) {
        assertThat(partition.get(v).contains(id)).isEqualTo(live && valueOf[id] == v);
      }
      boolean none =
          world.dictionary().isLive(id) && (valueOf[id] < 0 || world.ids().storedId(id) < 0);
      assertThat(partition.get(3).contains(id)).isEqualTo(none);
    }
  }
}
