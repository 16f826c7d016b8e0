package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.engine.RandomIds.Pair;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** AND, OR and ANDNOT on every mix of representations, against {@code Set} operations. */
class TagBitmapOperationsTest {
  private static final List<Pair> PAIRS = Pair.all(20_261_101L);

  static Stream<Pair> pairs() {
    return PAIRS.stream();
  }

  static Stream<Pair> mixedPairs() {
    return PAIRS.stream().filter(pair -> pair.a().bits().isDense() != pair.b().bits().isDense());
  }

  static void assertSameIds(TagBitmap bits, Set<Integer> expected) {
    assertThat(bits.toArray()).isEqualTo(RandomIds.sorted(expected));
    assertThat(bits.cardinality()).isEqualTo(expected.size());
    assertThat(bits.isEmpty()).isEqualTo(expected.isEmpty());
  }

  private static Set<Integer> and(Pair pair) {
    TreeSet<Integer> ids = new TreeSet<>(pair.a().ids());
    ids.retainAll(pair.b().ids());
    return ids;
  }

  private static Set<Integer> or(Pair pair) {
    TreeSet<Integer> ids = new TreeSet<>(pair.a().ids());
    ids.addAll(pair.b().ids());
    return ids;
  }

  private static Set<Integer> andNot(Pair pair) {
    TreeSet<Integer> ids = new TreeSet<>(pair.a().ids());
    ids.removeAll(pair.b().ids());
    return ids;
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void andMatchesSetIntersection(Pair pair) {
    assertSameIds(pair.a().bits().and(pair.b().bits()), and(pair));
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void orMatchesSetUnion(Pair pair) {
    assertSameIds(pair.a().bits().or(pair.b().bits()), or(pair));
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void andNotMatchesSetDifference(Pair pair) {
    assertSameIds(pair.a().bits().andNot(pair.b().bits()), andNot(pair));
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void andCardinalityMatchesIntersectionSize(Pair pair) {
    assertThat(pair.a().bits().andCardinality(pair.b().bits())).isEqualTo(and(pair).size());
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void andInPlaceMatchesSetIntersection(Pair pair) {
    TagBitmap bits = pair.a().bits().copy();
    bits.andInPlace(pair.b().bits());
    assertSameIds(bits, and(pair));
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void orInPlaceMatchesSetUnion(Pair pair) {
    TagBitmap bits = pair.a().bits().copy();
    bits.orInPlace(pair.b().bits());
    assertSameIds(bits, or(pair));
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void andNotInPlaceMatchesSetDifference(Pair pair) {
    TagBitmap bits = pair.a().bits().copy();
    bits.andNotInPlace(pair.b().bits());
    assertSameIds(bits, andNot(pair));
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void inPlaceOperationsLeaveTheirArgumentAlone(Pair pair) {
    TagBitmap other = pair.b().bits();
    pair.a().bits().copy().andInPlace(other);
    pair.a().bits().copy().orInPlace(other);
    pair.a().bits().copy().andNotInPlace(other);
    assertSameIds(other, pair.b().ids());
  }

  /** Like RoaringBitmap's "static orNot must not modify input x1": no operation touches inputs. */
  @ParameterizedTest
  @MethodSource("pairs")
  void andOrAndNotDoNotModifyTheirInputs(Pair pair) {
    TagBitmap a = pair.a().bits();
    TagBitmap b = pair.b().bits();
    a.and(b);
    a.or(b);
    a.andNot(b);
    b.and(a);
    b.or(a);
    b.andNot(a);
    a.andCardinality(b);
    assertSameIds(a, pair.a().ids());
    assertSameIds(b, pair.b().ids());
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void resultsShareNoStorageWithTheirInputs(Pair pair) {
    TagBitmap a = pair.a().bits();
    TagBitmap b = pair.b().bits();
    TagBitmap everyone = TagBitmap.dense(pair.universe());
    for (int id = 0; id < pair.universe(); id++) {
      everyone.add(id);
    }
    for (TagBitmap result : List.of(a.and(b), a.or(b), a.andNot(b), b.and(a), b.or(a))) {
      result.orInPlace(everyone);
      result.add(pair.universe() + 100);
    }
    assertSameIds(a, pair.a().ids());
    assertSameIds(b, pair.b().ids());
  }

  @ParameterizedTest
  @MethodSource("mixedPairs")
  void mixedAndIsSparseAndMixedOrIsDense(Pair pair) {
    TagBitmap a = pair.a().bits();
    TagBitmap b = pair.b().bits();
    assertThat(List.of(a.and(b).isDense(), a.or(b).isDense())).containsExactly(false, true);
  }
}
