package io.tagbase.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewCustomer;
import io.tagbase.web.InvalidInputException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Consent answers, history, audit and "may we contact": on H2 and on a real PostgreSQL. */
abstract class ConsentContract {
  @Autowired Consents consents;
  @Autowired CustomerService customers;
  @Autowired AuditLog audit;

  Customer customer() {
    String id = "c_" + UUID.randomUUID().toString().substring(0, 8);
    return customers.create(NewCustomer.withId(id, "客户"));
  }

  @Test
  void customerWithoutAnswerMayBeContacted() {
    assertThat(consents.mayContact(customer().id(), "marketing_sms")).isTrue();
  }

  @Test
  void refusalStopsContactForThatPurposeOnly() {
    Customer c = customer();
    consents.set(
        c.externalId(), List.of(new ConsentChange("marketing_sms", "REFUSED", "call_center")), "u");
    assertThat(consents.mayContact(c.id(), "marketing_sms")).isFalse();
    assertThat(consents.mayContact(c.id(), "marketing_email")).isTrue();
  }

  @Test
  void everyChangeIsKeptAndAudited() {
    Customer c = customer();
    consents.set(c.externalId(), List.of(new ConsentChange("wecom", "granted", null)), "anna");
    consents.set(c.externalId(), List.of(new ConsentChange("wecom", "REFUSED", "app")), "bob");
    consents.set(c.externalId(), List.of(new ConsentChange("wecom", "REFUSED", "app")), "bob");
    assertThat(consents.history(c.externalId(), 10))
        .extracting(Consent::status)
        .containsExactly(ConsentStatus.REFUSED, ConsentStatus.GRANTED);
    assertThat(consents.of(c.externalId()))
        .singleElement()
        .satisfies(k -> assertThat(k.source()).isEqualTo("app"));
    assertThat(audit.search("bob", "consent.change", null, null, 10))
        .anySatisfy(e -> assertThat(e.detail()).contains("wecom: GRANTED -> REFUSED"));
  }

  @Test
  void badItemWritesNothing() {
    Customer c = customer();
    assertThatThrownBy(
            () ->
                consents.set(
                    c.externalId(),
                    List.of(
                        new ConsentChange("marketing_sms", "REFUSED", null),
                        new ConsentChange("wecom", "maybe", null)),
                    "u"))
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("field", "consents[1].status");
    assertThat(consents.of(c.externalId())).isEmpty();
  }
}
