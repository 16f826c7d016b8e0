package io.tagbase.customer;

import io.tagbase.privacy.PersonalData;
import java.util.List;
import java.util.Map;

/** A customer with identities, custom field values (by code) and profile history. */
public record Profile(
    Customer customer,
    @PersonalData List<Identity> identities,
    Map<String, String> attributes,
    List<ProfileChange> history) {}
