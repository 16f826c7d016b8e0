package io.tagbase.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionRowTest {
  private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

  private static TagVersion version(int n, String change, String json) {
    return new TagVersion(n, change, "alice", T, json);
  }

  @Test
  void eachVersionNamesTheFieldsThatChangedSinceTheOneBefore() {
    List<VersionRow> rows =
        VersionRow.of(
            List.of(
                version(3, "STATUS", "{\"version\":3,\"nameZh\":\"乙\",\"status\":\"DEPRECATED\"}"),
                version(2, "UPDATE", "{\"version\":2,\"nameZh\":\"乙\",\"status\":\"ACTIVE\"}"),
                version(1, "CREATE", "{\"version\":1,\"nameZh\":\"甲\",\"status\":\"ACTIVE\"}")));
    assertThat(rows)
        .extracting(VersionRow::fields)
        .containsExactly(List.of("status"), List.of("nameZh"), List.of());
    assertThat(rows.get(0).statusBefore()).isEqualTo("ACTIVE");
    assertThat(rows.get(0).statusAfter()).isEqualTo("DEPRECATED");
  }
}
