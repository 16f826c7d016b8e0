package io.tagbase.tagging;

import java.time.Instant;

/** A tag a customer holds, with its provenance. */
public record CustomerTag(
    String code,
    String nameZh,
    String nameEn,
    AssignmentSource source,
    String actor,
    Instant assignedAt) {}
