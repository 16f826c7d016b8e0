package io.tagbase.customer;

import io.tagbase.privacy.PersonalData;
import java.time.Instant;
import java.time.LocalDate;

/** A stored customer profile. {@code externalId} is the business key and never changes. */
public record Customer(
    long id,
    String externalId,
    String displayName,
    String gender,
    Integer age,
    String city,
    String channel,
    LocalDate signupDate,
    @PersonalData String phone,
    @PersonalData String email,
    Instant createdAt,
    Instant updatedAt) {}
