package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LenientTimeTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void readsStrictIsoWithZ() {
    assertThat(LenientTime.parse("2012-12-02T00:30:08.276Z", SHANGHAI))
        .isEqualTo(Instant.parse("2012-12-02T00:30:08.276Z"));
  }

  @Test
  void readsUnpaddedMonthAsInSegmentsOwnExamples() {
    assertThat(LenientTime.parse("2015-2-02T00:30:08.276Z", SHANGHAI))
        .isEqualTo(Instant.parse("2015-02-02T00:30:08.276Z"));
  }

  @Test
  void readsOffsetsWithAndWithoutColon() {
    assertThat(LenientTime.parse("2026-01-05T08:00:00+08:00", SHANGHAI))
        .isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    assertThat(LenientTime.parse("2026-01-05 08:00:00+0800", SHANGHAI))
        .isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
  }

  @Test
  void localTimeIsTakenInTheConfiguredZone() {
    assertThat(LenientTime.parse("2026-01-05 08:00", SHANGHAI))
        .isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
  }

  @Test
  void readsNanosecondFractionsAndEpochMillis() {
    assertThat(LenientTime.parse("2026-01-05T00:00:00.123456789Z", SHANGHAI).getNano())
        .isEqualTo(123456789);
    assertThat(LenientTime.parse(1_700_000_000_000L, SHANGHAI))
        .isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
  }

  @Test
  void refusesWhatIsNoTime() {
    assertThatThrownBy(() -> LenientTime.parse("yesterday", SHANGHAI))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yesterday");
    assertThatThrownBy(() -> LenientTime.parse("2026-13-40T00:00:00Z", SHANGHAI))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
