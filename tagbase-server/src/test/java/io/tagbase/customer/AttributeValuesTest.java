package io.tagbase.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeValuesTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static AttributeDefinition field(AttributeType type, String... options) {
    return new AttributeDefinition(
        1, "f", "字段", "Field", type, List.of(options), false, false, null);
  }

  private static AttributeValue coerce(AttributeType type, Object raw) {
    return AttributeValues.coerce(field(type, "gold", "silver"), raw, ZONE);
  }

  @Test
  void numbersAcceptThousandSeparatorsAndKeepACanonicalText() {
    assertThat(coerce(AttributeType.NUMBER, "1,234.50"))
        .isEqualTo(new AttributeValue("1234.5", 1234.5));
    assertThat(coerce(AttributeType.NUMBER, 42)).isEqualTo(new AttributeValue("42", 42.0));
  }

  @Test
  void booleansAcceptChineseAndEnglish() {
    assertThat(coerce(AttributeType.BOOLEAN, "是").text()).isEqualTo("true");
    assertThat(coerce(AttributeType.BOOLEAN, "No").text()).isEqualTo("false");
  }

  @Test
  void datesAcceptSlashesAndUnpaddedFieldsAndStoreEpochDays() {
    AttributeValue v = coerce(AttributeType.DATE, "2026/1/5");
    assertThat(v.text()).isEqualTo("2026-01-05");
    assertThat(v.number()).isEqualTo((double) LocalDate.of(2026, 1, 5).toEpochDay());
  }

  @Test
  void dateTimesWithoutZoneAreInTheConfiguredZone() {
    assertThat(coerce(AttributeType.DATETIME, "2026-01-05 08:00:00").text())
        .isEqualTo("2026-01-05T00:00:00Z");
  }

  @Test
  void enumValuesMustBeOptions() {
    assertThat(coerce(AttributeType.ENUM, "gold").text()).isEqualTo("gold");
    assertThatThrownBy(() -> coerce(AttributeType.ENUM, "bronze"))
        .hasMessageContaining("gold, silver");
  }

  @Test
  void listsSplitOnCommasIncludingChineseOnes() {
    assertThat(coerce(AttributeType.LIST, "咖啡，茶, \"水\"").text())
        .isEqualTo("[\"咖啡\",\"茶\",\"\\\"水\\\"\"]");
  }

  @Test
  void wrongValuesSayWhatIsWrong() {
    assertThatThrownBy(() -> coerce(AttributeType.NUMBER, "many"))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> coerce(AttributeType.DATE, "soon")).hasMessageContaining("not a date");
    assertThatThrownBy(() -> coerce(AttributeType.BOOLEAN, "maybe"))
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> coerce(AttributeType.STRING, " ")).hasMessageContaining("empty");
  }
}
