package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CustomerDictionaryTest {
  private final CustomerDictionary dictionary = new CustomerDictionary();

  @Test
  void idsAreHandedOutDenselyInOrder() {
    assertThat(List.of(dictionary.intern("a"), dictionary.intern("b"), dictionary.intern("c")))
        .containsExactly(0, 1, 2);
  }

  @Test
  void internOfAKnownExternalIdReturnsItsId() {
    dictionary.intern("a");
    int b = dictionary.intern("b");
    assertThat(dictionary.intern("b")).isEqualTo(b);
    assertThat(dictionary.capacity()).isEqualTo(2);
  }

  @Test
  void removedIdIsNeverHandedOutAgain() {
    dictionary.intern("a");
    int b = dictionary.intern("b");
    dictionary.remove("b");
    assertThat(List.of(dictionary.intern("c"), dictionary.intern("b")))
        .doesNotContain(b)
        .containsExactly(2, 3);
  }

  @Test
  void findAfterRemoveIsEmpty() {
    dictionary.intern("a");
    dictionary.remove("a");
    assertThat(dictionary.find("a")).isEqualTo(OptionalInt.empty());
  }

  @Test
  void holeHasNoExternalIdAndIsNotLive() {
    dictionary.intern("a");
    dictionary.intern("b");
    dictionary.remove("a");
    assertThat(dictionary.externalId(0)).isNull();
    assertThat(dictionary.isLive(0)).isFalse();
    assertThat(dictionary.externalId(1)).isEqualTo("b");
  }

  @Test
  void externalIdOutOfRangeIsNull() {
    dictionary.intern("a");
    assertThat(dictionary.externalId(1)).isNull();
    assertThat(dictionary.externalId(-1)).isNull();
  }

  @Test
  void removeOfAnUnknownExternalIdReportsFalse() {
    assertThat(dictionary.remove("nobody")).isFalse();
  }

  @Test
  void sizeCountsLiveCustomersAndCapacityCountsEveryIdHandedOut() {
    dictionary.intern("a");
    dictionary.intern("b");
    dictionary.remove("a");
    assertThat(List.of(dictionary.size(), dictionary.capacity())).containsExactly(1, 2);
  }

  @Test
  void liveIsACopy() {
    dictionary.intern("a");
    dictionary.live().remove(0);
    assertThat(dictionary.live().toArray()).containsExactly(0);
  }

  @Test
  void randomInternsAndRemovesMatchAReferenceMap() {
    Random random = new Random(7);
    Map<String, Integer> expected = new HashMap<>();
    Set<Integer> handedOut = new HashSet<>();
    for (int step = 0; step < 5_000; step++) {
      String externalId = "c" + random.nextInt(800);
      if (random.nextInt(4) == 0) {
        assertThat(dictionary.remove(externalId)).isEqualTo(expected.remove(externalId) != null);
      } else {
        int id = dictionary.intern(externalId);
        Integer known = expected.putIfAbsent(externalId, id);
        assertThat(known == null ? handedOut.add(id) : known == id).as("step %d", step).isTrue();
      }
    }
    List<String> names = new ArrayList<>();
    for (int id = 0; id < dictionary.capacity(); id++) {
      names.add(dictionary.externalId(id));
    }
    Map<String, Integer> actual = new HashMap<>();
    for (int id = 0; id < names.size(); id++) {
      if (names.get(id) != null) {
        actual.put(names.get(id), id);
        assertThat(dictionary.find(names.get(id))).hasValue(id);
      }
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(dictionary.capacity()).isEqualTo(handedOut.size());
    assertThat(dictionary.live().toArray())
        .isEqualTo(RandomIds.sorted(new TreeSet<>(expected.values())));
  }

  @Test
  void externalIdsMapsEveryIdInOrderOnSmallAndLargeArrays() {
    Random random = new Random(7);
    for (int id = 0; id < 50_000; id++) {
      dictionary.intern("c" + id);
    }
    for (int id = 0; id < 50_000; id += 11) {
      dictionary.remove("c" + id);
    }
    for (int size : new int[] {0, 1, 100, 40_000}) { // 40,000: split over the cores
      int[] ids = new int[size];
      for (int i = 0; i < size; i++) {
        ids[i] = random.nextInt(50_001); // 50,000 was never handed out
      }
      String[] expected = new String[size];
      for (int i = 0; i < size; i++) {
        expected[i] = ids[i] % 11 == 0 || ids[i] == 50_000 ? null : "c" + ids[i];
      }
      assertThat(dictionary.externalIds(ids)).as("size %d", size).containsExactly(expected);
    }
  }
}
