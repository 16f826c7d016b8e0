package io.tagbase.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MasksTest {

  @Test
  void phoneKeepsThePrefixAndTheLastFourDigits() {
    assertThat(Masks.phone("13812341234")).isEqualTo("138****1234");
    assertThat(Masks.phone("+8613812341234")).isEqualTo("+86138****1234");
  }

  @Test
  void emailKeepsTheFirstLetterAndTheDomain() {
    assertThat(Masks.email("zhang.san@example.com")).isEqualTo("z***@example.com");
  }

  @Test
  void idNumberAndAddressAndOtherTextKeepLittle() {
    assertThat(Masks.mask("id_number", "110101199003071234")).isEqualTo("110***********1234");
    assertThat(Masks.mask("home_address", "上海市浦东新区世纪大道100号")).startsWith("上海市浦东新").contains("***");
    assertThat(Masks.mask("wecom", "wx_zhangsan")).isEqualTo("w***");
  }

  @Test
  void nullAndEmptyStayAsTheyAre() {
    assertThat(Masks.mask("phone", null)).isNull();
    assertThat(Masks.mask("phone", "")).isEmpty();
  }

  /** A masked value never holds the hidden middle of the original (seeded random values). */
  @Test
  void maskedValuesNeverRevealTheWholeValue() {
    Random random = new Random(11);
    for (int i = 0; i < 2_000; i++) {
      int length = 1 + random.nextInt(30);
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < length; j++) {
        sb.append((char) ('0' + random.nextInt(10)));
      }
      String value = sb.toString();
      for (String kind : new String[] {"phone", "email", "id_number", "address", "other"}) {
        String masked = Masks.mask(kind, value);
        assertThat(masked).as(kind + " " + value).isNotEqualTo(value).contains("***");
      }
    }
  }
}
