package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.customer.AttributeDefinition;
import io.tagbase.customer.AttributeType;
import io.tagbase.customer.IdentityKind;
import io.tagbase.web.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/** The published Segment spec examples (src/test/resources/segment-spec, see SOURCE.md). */
class SegmentParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  private static final AttributeDefinition PLAN =
      new AttributeDefinition(
          1, "plan", "套餐", "Plan", AttributeType.STRING, List.of(), false, false, null);

  private static Map<?, ?> fixture(String name) throws IOException {
    try (InputStream in = SegmentParserTest.class.getResourceAsStream("/segment-spec/" + name)) {
      return JSON.readValue(in, Map.class);
    }
  }

  private final SegmentParser parser =
      new SegmentParser(JSON, ZoneId.of("Asia/Shanghai"), NOW, List.of(PLAN));

  @Test
  void identifyMapsTraitsToTheProfileAndKnownCustomFields() throws IOException {
    var identify =
        (SegmentMessage.Identify)
            parser.parse(fixture("identify_complete.json"), "identify", "identify");
    assertThat(identify.profile().displayName()).isEqualTo("Peter Gibbons");
    assertThat(identify.profile().email()).isEqualTo("peter@example.com");
    assertThat(identify.profile().city()).isEqualTo("San Francisco");
    assertThat(identify.profile().identities())
        .containsEntry(IdentityKind.USER_ID.name(), "97980cfea0067")
        .containsEntry(IdentityKind.ANONYMOUS_ID.name(), "507f191e810c19729de860ea");
    assertThat(identify.profile().attributes())
        .containsEntry("plan", "premium")
        .doesNotContainKey("logins");
  }

  @Test
  void trackKeepsEventNamePropertiesMessageIdAndTimestamp() throws IOException {
    var event =
        ((SegmentMessage.Event) parser.parse(fixture("track_complete.json"), "track", "track"))
            .event();
    assertThat(event.type()).isEqualTo("Course Clicked");
    assertThat(event.messageId()).isEqualTo("ajs-f8ca1e4de5024d9430b3928bd8ac6b96");
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2015-12-12T19:11:01.249Z"));
    assertThat(event.properties()).contains("Intro to Analytics");
  }

  @Test
  void callWithoutUserIdOrAnonymousIdIsRefused() throws IOException {
    assertThatThrownBy(() -> parser.parse(fixture("track_minimal.json"), "track", "track"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("neither userId nor anonymousId");
  }

  @Test
  void pageAndGroupBecomeEventsWithTheirNames() throws IOException {
    var page =
        ((SegmentMessage.Event) parser.parse(fixture("http_page.json"), "page", "page")).event();
    assertThat(page.type()).isEqualTo("page");
    assertThat(page.properties()).contains("Tracking HTTP API");
    var group =
        ((SegmentMessage.Event) parser.parse(fixture("http_group.json"), "group", "group")).event();
    assertThat(group.properties()).contains("8e9df332ac").contains("Initech");
  }

  @Test
  void aliasNeedsBothIds() throws IOException {
    var alias = (SegmentMessage.Alias) parser.parse(fixture("http_alias.json"), "alias", "alias");
    assertThat(alias.previousId()).isEqualTo("39239-239239-239239-23923");
    assertThatThrownBy(() -> parser.parse(Map.of("userId", "u"), "alias", "alias"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void batchTimestampsWithUnpaddedMonthsAreRead() throws IOException {
    List<?> batch = (List<?>) fixture("http_batch.json").get("batch");
    var last = (Map<?, ?>) batch.get(3);
    var event = ((SegmentMessage.Event) parser.parse(last, "track", "batch[3]")).event();
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2015-02-02T00:30:12.984Z"));
  }

  @Test
  void missingTimestampMeansNow() {
    var event =
        ((SegmentMessage.Event)
                parser.parse(Map.of("userId", "u1", "event", "Opened"), "track", "track"))
            .event();
    assertThat(event.occurredAt()).isEqualTo(NOW);
  }
}
