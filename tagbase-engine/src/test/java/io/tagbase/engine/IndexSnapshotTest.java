package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.engine.rule.AttributeTable;
import io.tagbase.engine.rule.FieldType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Written and read back, a dictionary, index and attribute columns answer exactly as the originals
 * did; a damaged, truncated or old-version file is refused with an IOException.
 */
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

    byte[] bytes = write("epoch-1", dictionary, index, keys, new AttributeTable());
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
    assertThat(restored.attributes().types()).isEmpty();
    assertThat(copy.intern("new")).isEqualTo(universe); // ids go on where they stopped
    int[] live = dictionary.live().toArray();
    if (live.length > 0) { // a known customer keeps its id
      int id = live[live.length - 1];
      assertThat(copy.intern(dictionary.externalId(id))).isEqualTo(id);
    }
  }

  /** Issue #6: a restart reads the attribute columns back instead of scanning the customers. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 64, 1000, 20_000})
  void attributeColumnsReadBackAsTheOriginal(int universe) throws IOException {
    Random random = new Random(universe * 7L + 5);
    CustomerDictionary dictionary = new CustomerDictionary();
    for (int id = 0; id < universe; id++) {
      dictionary.intern("c" + id);
    }
    AttributeTable table = RandomAttributes.table(random, universe);

    byte[] bytes = write("a", dictionary, new TagIndex(), List.of(), table);
    AttributeTable copy = IndexSnapshot.read(new ByteArrayInputStream(bytes)).attributes();

    assertThat(copy.types()).containsExactlyEntriesOf(table.types());
    RandomAttributes.assertSameValues(copy, table, universe + 70); // and ids past every end
    for (int step = 0; step < 2_000 && universe > 0; step++) { // both keep taking writes alike
      int id = random.nextInt(universe);
      String code = RandomAttributes.CODES.get(random.nextInt(RandomAttributes.CODES.size()));
      Object value = random.nextInt(4) == 0 ? null : RandomAttributes.value(random, code);
      table.set(code, id, value);
      copy.set(code, id, value);
    }
    RandomAttributes.assertSameValues(copy, table, universe + 70);
  }

  @Test
  void valuesNoCustomerHoldsAreNotWritten() throws IOException {
    CustomerDictionary dictionary = new CustomerDictionary();
    AttributeTable table = new AttributeTable();
    table.define("city", FieldType.STRING);
    for (int id = 0; id < 1000; id++) {
      dictionary.intern("c" + id);
      table.set("city", id, "城市-" + id); // 1,000 distinct values...
    }
    for (int id = 0; id < 1000; id++) {
      table.set("city", id, "上海"); // ...none of them held any more
    }
    byte[] bytes = write("x", dictionary, new TagIndex(), List.of(), table);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("城市-");
    AttributeTable copy = IndexSnapshot.read(new ByteArrayInputStream(bytes)).attributes();
    assertThat(copy.get("city", 999)).isEqualTo("上海");
  }

  @Test
  void aValueBeyondTheDictionaryIsNotWritten() {
    CustomerDictionary dictionary = new CustomerDictionary();
    dictionary.intern("only");
    AttributeTable table = new AttributeTable();
    table.define("age", FieldType.NUMBER);
    table.set("age", 5, 30);
    assertThatThrownBy(() -> write("x", dictionary, new TagIndex(), List.of(), table))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("age");
  }

  @Test
  void aVersionOneSnapshotIsRefused() throws IOException {
    byte[] bytes = smallSnapshot();
    ByteBuffer.wrap(bytes).putInt(4, 1); // version 1 had no attribute columns
    assertThatThrownBy(() -> IndexSnapshot.read(new ByteArrayInputStream(bytes)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 1");
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

  /** Every byte of the attribute part, altered or cut there: an IOException, nothing else. */
  @Test
  void anyDamageToTheAttributeColumnsIsRefused() throws IOException {
    byte[] bytes = smallSnapshot();
    int from = bytes.length - attributeBytes(); // the column count, then the columns and the CRC
    for (int position = from; position < bytes.length; position++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] altered = bytes.clone();
        altered[position] ^= (byte) bit;
        assertThatThrownBy(() -> IndexSnapshot.read(new ByteArrayInputStream(altered)))
            .as("byte %d ^ %d", position, bit)
            .isInstanceOf(IOException.class);
      }
      byte[] truncated = java.util.Arrays.copyOf(bytes, position);
      assertThatThrownBy(() -> IndexSnapshot.read(new ByteArrayInputStream(truncated)))
          .as("cut at %d", position)
          .isInstanceOf(IOException.class);
    }
  }

  private static final int SMALL = 3000;

  private static byte[] smallSnapshot() throws IOException {
    CustomerDictionary dictionary = new CustomerDictionary();
    TagIndex index = new TagIndex();
    for (int id = 0; id < SMALL; id++) {
      dictionary.intern("c" + id);
      if (id % 3 == 0) {
        index.assign("dense", id);
      }
      if (id % 97 == 0) {
        index.assign("sparse", id);
      }
    }
    index.optimize(SMALL);
    return write("x", dictionary, index, List.of("dense", "sparse"), smallTable());
  }

  /** A few hundred values of every type, so every byte of the attribute part can be altered. */
  private static AttributeTable smallTable() {
    return RandomAttributes.table(new Random(3), 60);
  }

  /** Bytes of the attribute part of {@link #smallSnapshot()} and its CRC. */
  private static int attributeBytes() throws IOException {
    CustomerDictionary dictionary = new CustomerDictionary();
    for (int id = 0; id < SMALL; id++) {
      dictionary.intern("c" + id);
    }
    byte[] without = write("x", dictionary, new TagIndex(), List.of(), new AttributeTable());
    byte[] with = write("x", dictionary, new TagIndex(), List.of(), smallTable());
    return with.length - without.length + 4 + 8; // + the empty table's count and the CRC
  }

  private static byte[] write(
      String label,
      CustomerDictionary dictionary,
      TagIndex index,
      List<String> keys,
      AttributeTable attributes)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IndexSnapshot.write(label, dictionary, index, keys, attributes, out);
    return out.toByteArray();
  }
}
