package io.tagbase.privacy;

import java.time.Instant;

/**
 * A customer's consent for one purpose: the status, where it came from (e.g. {@code web_form},
 * {@code call_center}), who recorded it and when.
 */
public record Consent(
    String purpose, ConsentStatus status, String source, String actor, Instant changedAt) {}
