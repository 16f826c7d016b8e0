package io.tagbase.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentitiesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "008613812345678",
        "8613812345678"
      })
  void chineseMobileNumbersBecomeTheirElevenDigits(String raw) {
    assertThat(Identities.normalize(IdentityKind.PHONE, raw)).isEqualTo("13812345678");
  }

  @Test
  void otherPhoneNumbersKeepDigitsAndPlus() {
    assertThat(Identities.normalize(IdentityKind.PHONE, "+44 20 7946 0958"))
        .isEqualTo("+442079460958");
  }

  @Test
  void emailIsTrimmedAndLowerCased() {
    assertThat(Identities.normalize(IdentityKind.EMAIL, "  Peter@Example.COM "))
        .isEqualTo("peter@example.com");
  }

  @Test
  void unusableValuesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> Identities.normalize(IdentityKind.EMAIL, "not-an-email"))
        .hasMessageContaining("not an e-mail");
    assertThatThrownBy(() -> Identities.normalize(IdentityKind.PHONE, "call me"))
        .hasMessageContaining("not a phone");
    assertThatThrownBy(() -> Identities.normalize(IdentityKind.USER_ID, "  "))
        .hasMessageContaining("empty");
  }

  @Test
  void kindsParseFromApiNames() {
    assertThat(IdentityKind.parse("userId")).isEqualTo(IdentityKind.USER_ID);
    assertThat(IdentityKind.parse("anonymousId")).isEqualTo(IdentityKind.ANONYMOUS_ID);
    assertThat(IdentityKind.parse("crmId")).isEqualTo(IdentityKind.CRM_ID);
    assertThat(IdentityKind.parse("wecom_external_userid")).isEqualTo(IdentityKind.WECOM);
  }
}
