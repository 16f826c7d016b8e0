package io.tagbase.engine;

import static io.tagbase.engine.TagBitmapOperationsTest.assertSameIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.engine.RandomIds.Operand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Single-bitmap behaviour of both representations, against a {@code Set} reference. */
class TagBitmapTest {
  private static final List<Operand> OPERANDS = operands();

  private static List<Operand> operands() {
    Random random = new Random(42);
    List<Operand> operands = new ArrayList<>();
    for (int universe : RandomIds.UNIVERSES) {
      for (int i = 0; i < 6; i++) {
        operands.add(Operand.random(random, universe, i % 2 == 0));
      }
    }
    return operands;
  }

  static Stream<Operand> bitmaps() {
    return OPERANDS.stream();
  }

  @ParameterizedTest
  @MethodSource("bitmaps")
  void containsMatchesReference(Operand operand) {
    int end = operand.ids().isEmpty() ? 70 : operand.ids().last() + 70;
    for (int id = -3; id < end; id++) {
      assertThat(operand.bits().contains(id)).as("id %d", id).isEqualTo(operand.ids().contains(id));
    }
  }

  @ParameterizedTest
  @MethodSource("bitmaps")
  void iteratorAndForEachGoInAscendingOrder(Operand operand) {
    List<Integer> iterated = new ArrayList<>();
    PrimitiveIterator.OfInt ids = operand.bits().iterator();
    ids.forEachRemaining((int id) -> iterated.add(id));
    List<Integer> visited = new ArrayList<>();
    operand.bits().forEach(visited::add);
    assertThat(List.of(iterated, visited)).containsOnly(new ArrayList<>(operand.ids()));
  }

  @ParameterizedTest
  @MethodSource("bitmaps")
  void pagesMatchSlicesOfTheSortedIds(Operand operand) {
    int[] all = RandomIds.sorted(operand.ids());
    Random random = new Random(all.length);
    for (int i = 0; i < 20; i++) {
      int offset = random.nextInt(all.length + 3);
      int limit = random.nextInt(i % 2 == 0 ? 5 : all.length + 3);
      int[] expected =
          Arrays.copyOfRange(
              all, Math.min(offset, all.length), Math.min(all.length, offset + limit));
      assertThat(operand.bits().page(offset, limit))
          .as("offset %d limit %d", offset, limit)
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("bitmaps")
  void conversionKeepsTheIds(Operand operand) {
    TagBitmap dense = operand.bits().toDense();
    TagBitmap sparse = operand.bits().toSparse();
    assertThat(List.of(dense.isDense(), sparse.isDense())).containsExactly(true, false);
    assertSameIds(dense, operand.ids());
    assertSameIds(sparse, operand.ids());
  }

  @ParameterizedTest
  @MethodSource("bitmaps")
  void randomAddsAndRemovesTrackTheReference(Operand operand) {
    TagBitmap bits = operand.bits().copy();
    TreeSet<Integer> expected = new TreeSet<>(operand.ids());
    Random random = new Random(operand.ids().size());
    int bound = operand.ids().isEmpty() ? 200 : operand.ids().last() + 200;
    for (int i = 0; i < 300; i++) {
      int id = random.nextInt(bound);
      boolean add = random.nextBoolean();
      boolean changed = add ? bits.add(id) : bits.remove(id);
      boolean expectedChange = add ? expected.add(id) : expected.remove(id);
      assertThat(changed).as("step %d id %d", i, id).isEqualTo(expectedChange);
    }
    assertSameIds(bits, expected);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void pageBeyondTheEndIsEmpty(boolean dense) {
    TagBitmap bits = dense ? TagBitmap.dense(10) : TagBitmap.empty();
    bits.add(3);
    bits.add(7);
    assertThat(bits.page(2, 10)).isEmpty();
    assertThat(bits.page(1_000, 10)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void pageWithLimitZeroIsEmpty(boolean dense) {
    TagBitmap bits = dense ? TagBitmap.dense(10) : TagBitmap.of(1, 2, 3);
    bits.add(1);
    assertThat(bits.page(0, 0)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void negativePageArgumentsAreRejected(boolean dense) {
    TagBitmap bits = dense ? TagBitmap.dense(10) : TagBitmap.empty();
    assertThatThrownBy(() -> bits.page(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bits.page(0, -5)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void negativeIdsAreRejectedAndNeverContained(boolean dense) {
    TagBitmap bits = dense ? TagBitmap.dense(10) : TagBitmap.empty();
    assertThatThrownBy(() -> bits.add(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(List.of(bits.contains(-1), bits.remove(-1))).containsExactly(false, false);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void combiningABitmapWithItselfIsSafe(boolean dense) {
    TagBitmap bits = dense ? TagBitmap.dense(200) : TagBitmap.empty();
    bits.add(5);
    bits.add(150);
    bits.andInPlace(bits);
    bits.orInPlace(bits);
    assertThat(bits.toArray()).containsExactly(5, 150);
    bits.andNotInPlace(bits);
    assertThat(bits.isEmpty()).isTrue();
  }

  @Test
  void denseBitmapGrowsPastItsUniverse() {
    TagBitmap bits = TagBitmap.dense(0);
    bits.add(1_000_000);
    assertThat(bits.toArray()).containsExactly(1_000_000);
  }

  @Test
  void optimizedChoosesDenseAboveOneIdIn64() {
    TagBitmap sparse = TagBitmap.of(0, 1);
    assertThat(TagBitmap.optimized(sparse, 128).isDense()).isFalse();
    assertThat(TagBitmap.optimized(sparse, 127).isDense()).isTrue();
    assertThat(TagBitmap.optimized(sparse.toDense(), 128).isDense()).isFalse();
  }

  @Test
  void optimizedReturnsTheSameBitmapWhenItAlreadyFits() {
    TagBitmap sparse = TagBitmap.of(0, 1);
    assertThat(TagBitmap.optimized(sparse, 1_000)).isSameAs(sparse);
  }

  @Test
  void copyIsIndependent() {
    TagBitmap bits = TagBitmap.of(1, 2);
    TagBitmap copy = bits.copy();
    copy.add(3);
    assertThat(bits.toArray()).containsExactly(1, 2);
  }
}
