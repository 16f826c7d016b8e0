package io.tagbase.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagStatusTest {
  /** Issue 3: draft -> active -> deprecated -> archived, and deprecated -> active; nothing else. */
  private static final Map<TagStatus, Set<TagStatus>> ALLOWED =
      Map.of(
          TagStatus.DRAFT, EnumSet.of(TagStatus.ACTIVE),
          TagStatus.ACTIVE, EnumSet.of(TagStatus.DEPRECATED),
          TagStatus.DEPRECATED, EnumSet.of(TagStatus.ACTIVE, TagStatus.ARCHIVED),
          TagStatus.ARCHIVED, EnumSet.noneOf(TagStatus.class));

  @Test
  void everyPairOfStatusesFollowsTheLifecycle() {
    for (TagStatus from : TagStatus.values()) {
      for (TagStatus to : TagStatus.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " -> " + to)
            .isEqualTo(ALLOWED.get(from).contains(to));
      }
    }
  }

  @Test
  void onlyArchivedTagsAreNotAssignable() {
    assertThat(EnumSet.allOf(TagStatus.class))
        .filteredOn(s -> !s.assignable())
        .containsExactly(TagStatus.ARCHIVED);
  }
}
