package io.tagbase.customer;

import io.tagbase.privacy.PersonalData;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a caller sends to create or update a customer. The profile is found by {@code externalId} or
 * by any of its identifiers ({@code {"userId": "u1", "phone": "138 0000 0000"}}); custom fields go
 * in {@code attributes} by field code.
 */
public record NewCustomer(
    @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = "[^\\s/]*", message = "must not contain spaces or slashes")
        String externalId,
    @Size(max = 200, message = "must be at most 200 characters") String displayName,
    @Pattern(regexp = "male|female|unknown", message = "must be male, female or unknown")
        String gender,
    @Min(value = 0, message = "must be between 0 and 150")
        @Max(value = 150, message = "must be between 0 and 150")
        Integer age,
    @Size(max = 100, message = "must be at most 100 characters") String city,
    @Size(max = 40, message = "must be at most 40 characters") String channel,
    LocalDate signupDate,
    @PersonalData @Size(max = 40, message = "must be at most 40 characters") String phone,
    @PersonalData @Email(message = "must be an e-mail address") String email,
    @PersonalData @Size(max = 10, message = "may list at most 10 identifiers")
        Map<String, String> identities,
    @Size(max = 200, message = "may set at most 200 fields") Map<String, Object> attributes) {

  public static NewCustomer withId(String externalId, String displayName) {
    return new NewCustomer(
        externalId, displayName, null, null, null, null, null, null, null, null, null);
  }
}
