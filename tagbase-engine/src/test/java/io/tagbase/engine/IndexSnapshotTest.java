package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Written and read back, a dictionary and index answer exactly as the originals did. */
class IndexSnapshotTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 63, 64, 65, 4099, 70_000})
  void readBackAnswersLikeTheOriginal(int universe) throws IOException {
    Random random = new Random(universe + 11L);
    CustomerDictionary dictionary = new CustomerDictionary();
    TagIndex index = new TagIndex();
    for (int id = 0; id < universe; id++) {
      dictionary.intern("客户-" + id); // non-ASCII ids survive
    }
    List<String> keys = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String key = "t" + t + (t % 2 == 0 ? "=v" : "");
      keys.add(key);
      double density = RandomIds.DENSITIES[random.nextInt(RandomIds.DENSITIES.length)];
      for (int id : RandomIds.idsOrCluster(random, universe, density)) {
        index.assign(key, id);
      }
    }
    index.assign("not-written", 0);
    keys.add("never-assigned"); // written as empty
    for (int id = 0; id < universe; id++) {
      if (random.nextInt(9) == 0) {
        dictionary.remove("客户-" + id);
        if (random.nextBoolean()) {
          index.removeCustomer(id);
        }
      }
    }
    if (random.nextBoolean()) {
      index.optimize(universe);
    }

    byte[] bytes = write("epoch-1", dictionary, index, keys);
    IndexSnapshot.Restored restored = IndexSnapshot.read(new ByteArrayInputStream(bytes));

    assertThat(restored.label()).isEqualTo("epoch-1");
    CustomerDictionary copy = restored.dictionary();
    assertThat(copy.capacity()).isEqualTo(dictionary.capacity());
    assertThat(copy.size()).isEqualTo(dictionary.size());
    assertThat(copy.live().toArray()).isEqualTo(dictionary.live().toArray());
    for (int id = 0; id < universe; id++) {
      assertThat(copy.externalId(id)).isEqualTo(dictionary.externalId(id));
      assertThat(copy.find("客户-" + id)).isEqualTo(dictionary.find("客户-" + id));
    }
    assertThat(restored.index().tags()).isEqualTo(Set.copyOf(keys));
    for (String key : keys) {
      assertThat(restored.index().bitmap(key).toArray())
          .as(key)
          .isEqualTo(index.bitmap(key).toArray());
      assertThat(restored.index().count(key)).isEqualTo(index.count(key));
    }
    SegmentEvaluator before = new SegmentEvaluator(index, dictionary);
    SegmentEvaluator after = new SegmentEvaluator(restored.index(), copy);
    for (int trial = 0; trial < 50; trial++) {
      Condition condition =
          Condition.and(
              List.of(
                  Condition.tag(keys.get(random.nextInt(keys.size()))),
                  Condition.not(Condition.tag(keys.get(random.nextInt(keys.size()))))));
      assertThat(after.count(condition)).as("%s", condition).isEqualTo(before.count(condition));
    }
    assertThat(copy.intern("new")).isEqualTo(universe); // ids go on where they stopped
    int[] live = dictionary.live().toArray();
    if (live.length > 0) { // a known customer keeps its id
      int id = live[live.length - 1];
      assertThat(copy.intern(dictionary.externalId(id))).isEqualTo(id);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 9, 100, 1000})
  void aTruncatedSnapshotIsRefused(int cut) throws IOException {
    byte[] bytes = smallSnapshot();
    int length = Math.max(0, bytes.length - 1 - cut);
    byte[] truncated = java.util.Arrays.copyOf(bytes, length);
    assertThatThrownBy(() -> IndexSnapshot.read(new ByteArrayInputStream(truncated)))
        .isInstanceOf(IOException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 200, 2000})
  void anAlteredByteIsRefused(int position) throws IOException {
    byte[] bytes = smallSnapshot();
    bytes[position % bytes.length] ^= 0x10;
    assertThatThrownBy(() -> IndexSnapshot.read(new ByteArrayInputStream(bytes)))
        .isInstanceOf(IOException.class);
  }

  private static byte[] smallSnapshot() throws IOException {
    CustomerDictionary dictionary = new CustomerDictionary();
    TagIndex index = new TagIndex();
    for (int id = 0; id < 3000; id++) {
      dictionary.intern("c" + id);
      if (id % 3 == 0) {
        index.assign("dense", id);
      }
      if (id % 97 == 0) {
        index.assign("sparse", id);
      }
    }
    index.optimize(3000);
    return write("x", dictionary, index, List.of("dense", "sparse"));
  }

  private static byte[] write(
      String label, CustomerDictionary dictionary, TagIndex index, List<String> keys)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IndexSnapshot.write(label, dictionary, index, keys, out);
    return out.toByteArray();
  }
}
