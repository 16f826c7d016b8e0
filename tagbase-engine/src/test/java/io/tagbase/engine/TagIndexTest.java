package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TagIndexTest {
  private final TagIndex index = new TagIndex();

  @Test
  void randomAssignmentsMatchAReferenceMap() {
    Random random = new Random(11);
    int universe = 3_000;
    Map<String, TreeSet<Integer>> expected = new TreeMap<>();
    String[] tags = {"vip", "new", "churned", "b2b", "app"};
    double[] densities = {0.001, 0.01, 0.05, 0.5, 0.95};
    for (int round = 0; round < 4; round++) {
      for (int t = 0; t < tags.length; t++) {
        for (int step = 0; step < universe * densities[t]; step++) {
          int customer = random.nextInt(universe);
          boolean assign = random.nextInt(3) > 0;
          TreeSet<Integer> ids = expected.computeIfAbsent(tags[t], k -> new TreeSet<>());
          boolean changed = assign ? ids.add(customer) : ids.remove(customer);
          boolean actual =
              assign ? index.assign(tags[t], customer) : index.unassign(tags[t], customer);
          assertThat(actual).isEqualTo(changed);
        }
      }
      index.optimize(universe); // representations change between rounds
    }
    for (Map.Entry<String, TreeSet<Integer>> tag : expected.entrySet()) {
      assertThat(index.bitmap(tag.getKey()).toArray()).isEqualTo(RandomIds.sorted(tag.getValue()));
      assertThat(index.count(tag.getKey())).isEqualTo(tag.getValue().size());
    }
    for (int customer = 0; customer < universe; customer += 7) {
      int c = customer;
      List<String> expectedTags =
          expected.entrySet().stream()
              .filter(tag -> tag.getValue().contains(c))
              .map(Map.Entry::getKey)
              .collect(Collectors.toList());
      assertThat(index.tagsOf(customer)).isEqualTo(expectedTags);
    }
  }

  @Test
  void unknownTagIsEmpty() {
    assertThat(index.count("ghost")).isZero();
    assertThat(index.has("ghost", 0)).isFalse();
    assertThat(index.bitmap("ghost").isEmpty()).isTrue();
  }

  @Test
  void tagsOfIsSortedByCode() {
    index.assign("zeta", 1);
    index.assign("alpha", 1);
    index.assign("mid", 1);
    index.assign("other", 2);
    assertThat(index.tagsOf(1)).containsExactly("alpha", "mid", "zeta");
  }

  @Test
  void removeCustomerTakesEveryTagAway() {
    index.assign("a", 5);
    index.assign("b", 5);
    index.assign("b", 6);
    index.removeCustomer(5);
    assertThat(index.tagsOf(5)).isEmpty();
    assertThat(index.has("b", 6)).isTrue();
  }

  @Test
  void dropTagForgetsTheTag() {
    index.assign("a", 1);
    index.assign("b", 1);
    assertThat(index.dropTag("a")).isTrue();
    assertThat(index.tags()).containsExactly("b");
    assertThat(index.has("a", 1)).isFalse();
  }

  @Test
  void replaceSwapsAllMembersAtOnce() {
    index.assign("seg", 1);
    index.assign("seg", 2);
    index.replace("seg", TagBitmap.of(2, 3, 70_000));
    assertThat(index.bitmap("seg").toArray()).containsExactly(2, 3, 70_000);
    assertThat(index.has("seg", 1)).isFalse();
    assertThat(index.tagsOf(3)).containsExactly("seg");
  }

  @Test
  void tagRemainsKnownAfterItsLastMemberIsUnassigned() {
    index.assign("a", 1);
    index.unassign("a", 1);
    assertThat(index.tags()).containsExactly("a");
    assertThat(index.count("a")).isZero();
  }

  @Test
  void bitmapIsACopy() {
    index.assign("a", 1);
    index.bitmap("a").add(2);
    assertThat(index.has("a", 2)).isFalse();
  }

  @Test
  void optimizeMakesDenseTagsDenseAndSparseTagsSparse() {
    for (int customer = 0; customer < 640; customer++) {
      index.assign("common", customer);
    }
    index.assign("rare", 3);
    index.optimize(1_000);
    assertThat(index.view("common").isDense()).isTrue();
    assertThat(index.view("rare").isDense()).isFalse();
  }
}
