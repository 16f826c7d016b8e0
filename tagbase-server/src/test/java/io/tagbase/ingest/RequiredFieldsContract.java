package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.customer.AttributeType;
import io.tagbase.customer.Identity;
import io.tagbase.customer.IdentityKind;
import io.tagbase.web.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Required custom fields. A field once defined stays, so these tests run in contexts of their own
 * (see the subclasses' properties) and cannot affect the other profile tests.
 */
abstract class RequiredFieldsContract extends ProfilesFixture {

  @Test
  void requiredFieldIsNeededForANewProfileOnly() {
    String id = unique("c");
    profiles.upsert(data(id, null, null), "t");
    String must = attribute(AttributeType.STRING, true);
    assertThat(profiles.upsert(data(id, null, null), "t").created()).isFalse();
    String other = unique("c");
    assertThatThrownBy(() -> profiles.upsert(data(other, null, null), "t"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(must);
    assertThat(customers.find(other)).isEmpty();
  }

  @Test
  void trackingCallsMayStillCreateProfilesWithoutRequiredFields() {
    attribute(AttributeType.STRING, true);
    String user = unique("u");
    profiles.upsert(data(null, Map.of("userId", user), null), "segment", false);
    assertThat(profiles.lookup(Identity.of(IdentityKind.USER_ID, user))).isPresent();
  }
}
