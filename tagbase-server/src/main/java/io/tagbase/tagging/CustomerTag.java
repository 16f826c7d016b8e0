package io.tagbase.tagging;

import java.time.Instant;

/**
 * A tag a customer holds, with its provenance.
 *
 * @param value the value code for a layered tag, null for a flag tag
 * @param expiresAt when the tag is taken away by the expiry job; null for never
 */
public record CustomerTag(
    String code,
    String nameZh,
    String nameEn,
    String value,
    AssignmentSource source,
    String actor,
    Instant assignedAt,
    Instant expiresAt) {}
