package io.tagbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.customer.Customer;
import io.tagbase.customer.NewCustomer;
import io.tagbase.privacy.PersonalData;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Phone numbers and e-mail addresses are personal data wherever a customer is carried. */
class PersonalDataTest {

  @Test
  void phoneAndEmailAreMarkedPersonalOnEveryCustomerRecord() {
    assertThat(personal(Customer.class)).containsExactlyInAnyOrder("phone", "email");
    assertThat(personal(NewCustomer.class))
        .containsExactlyInAnyOrder("phone", "email", "identities");
    assertThat(personal(io.tagbase.customer.Profile.class)).containsExactly("identities");
  }

  private static String[] personal(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .filter(c -> c.isAnnotationPresent(PersonalData.class))
        .map(RecordComponent::getName)
        .toArray(String[]::new);
  }
}
