package io.tagbase.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoGeneratorTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  private static DemoData generate(long seed) {
    return new DemoGenerator(seed, TODAY).generate(500);
  }

  @Test
  void sameSeedAndDateGiveTheSameData() {
    DemoData a = generate(7);
    DemoData b = generate(7);
    assertThat(a.customers()).isEqualTo(b.customers());
    assertThat(a.events()).isEqualTo(b.events());
    assertThat(a.assignments())
        .usingElementComparator((x, y) -> String.join("|", x).compareTo(String.join("|", y)))
        .isEqualTo(b.assignments());
  }

  @Test
  void otherSeedGivesOtherCustomers() {
    assertThat(generate(7).customers()).isNotEqualTo(generate(8).customers());
  }

  @Test
  void customersLookRealistic() {
    DemoData data = generate(7);
    assertThat(data.customers())
        .allSatisfy(
            c -> {
              assertThat(c.displayName()).matches("\\p{IsHan}{2,3}");
              assertThat(c.age()).isBetween(18, 75);
              assertThat(c.phone()).matches("1[3-9]\\d{9}");
              assertThat(c.signupDate())
                  .isBeforeOrEqualTo(TODAY)
                  .isAfter(TODAY.minusYears(3).minusDays(1));
            });
    assertThat(data.customers().stream().map(c -> c.city()).distinct().count()).isGreaterThan(8);
    assertThat(data.customers().stream().map(c -> c.externalId()).distinct().count())
        .isEqualTo(500);
  }

  @Test
  void ordersCarryIdsAndPositiveAmountsAndNoEventIsInTheFuture() {
    DemoData data = generate(7);
    var events = data.events().stream().flatMap(List::stream).toList();
    assertThat(events).anyMatch(e -> e.type().equals("order"));
    assertThat(events)
        .filteredOn(e -> e.type().equals("order"))
        .allSatisfy(
            e -> {
              assertThat(e.orderId()).isNotBlank();
              assertThat(e.amount()).isPositive();
            });
    assertThat(events)
        .allSatisfy(
            e ->
                assertThat(e.at())
                    .isBefore(
                        TODAY
                            .plusDays(1)
                            .atStartOfDay()
                            .toInstant(java.time.ZoneOffset.ofHours(8))));
  }

  @Test
  void derivedTagsFollowTheirStatedRules() {
    DemoData data = generate(7);
    Map<String, Set<String>> tagsOf = new HashMap<>();
    for (String[] a : data.assignments()) {
      tagsOf.computeIfAbsent(a[0], k -> new HashSet<>()).add(a[1]);
    }
    Set<String> defined = data.tags().stream().map(t -> t.code()).collect(Collectors.toSet());
    assertThat(tagsOf.values().stream().flatMap(Set::stream)).allMatch(defined::contains);
    for (var c : data.customers()) {
      Set<String> tags = tagsOf.getOrDefault(c.externalId(), Set.of());
      assertThat(tags.contains("female")).isEqualTo(c.gender().equals("female"));
      assertThat(tags.contains("male")).isEqualTo(c.gender().equals("male"));
      assertThat(tags.contains("senior")).isEqualTo(c.age() >= 55);
      if (tags.contains("vip")) {
        assertThat(tags).contains("high_value", "frequent_buyer");
      }
      if (tags.contains("churn_risk")) {
        assertThat(tags).contains("high_value").doesNotContain("recent_buyer");
      }
    }
    long highValue = tagsOf.values().stream().filter(t -> t.contains("high_value")).count();
    assertThat(highValue).isBetween(20L, 80L);
  }
}
