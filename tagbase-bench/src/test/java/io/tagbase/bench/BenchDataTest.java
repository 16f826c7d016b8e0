package io.tagbase.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generator is deterministic and draws what docs/benchmark.md says it draws. */
class BenchDataTest {
  private static final int TINY = 20_000;

  @Test
  void sameSizeAndSeedGiveTheSameData() {
    assertThat(BenchData.generate(TINY, 42).fingerprint())
        .isEqualTo(BenchData.generate(TINY, 42).fingerprint());
  }

  @Test
  void anotherSeedGivesOtherData() {
    assertThat(BenchData.generate(TINY, 43).fingerprint())
        .isNotEqualTo(BenchData.generate(TINY, 42).fingerprint());
  }

  @Test
  void fingerprintOfTheTinyDataSetIsPinned() {
    // Pinned so that a JDK, a refactoring or a "harmless" change to the generator that alters the
    // data shows up here, not as unexplained drift in published figures.
    assertThat(BenchData.generate(TINY, 42).fingerprint()).isEqualTo(PINNED);
  }

  @Test
  void membersAreAscendingAndInRange() {
    BenchData data = BenchData.generate(TINY, 42);
    for (int[] members : data.members()) {
      for (int i = 0; i < members.length; i++) {
        assertThat(members[i]).isBetween(i == 0 ? 0 : members[i - 1] + 1, TINY - 1);
      }
    }
  }

  @Test
  void bernoulliDrawsTheRequestedDensity() {
    int[] ids = BenchData.bernoulli(1_000_000, 0.02, new SplittableRandom(7));
    assertThat(ids.length / 1e6).isCloseTo(0.02, within(0.001));
  }

  @Test
  void vipCustomersAreAllHighSpend() {
    BenchData data = BenchData.generate(TINY, 42);
    int[] vip = data.members()[TagCatalogue.VIP];
    int[] high = data.members()[TagCatalogue.HIGH_SPEND];
    assertThat(vip).isNotEmpty();
    assertThat(Arrays.stream(vip).allMatch(id -> Arrays.binarySearch(high, id) >= 0)).isTrue();
  }

  @Test
  void aboutSeventyPercentHaveNoPurchaseInThirtyDays() {
    BenchData data = BenchData.generate(TINY, 42);
    long none = Arrays.stream(data.purchases30d()).filter(p -> p == 0).count();
    assertThat(none / (double) TINY).isCloseTo(0.7, within(0.02));
  }

  private static final long PINNED = 0xea6f306b2590d2efL;
}
