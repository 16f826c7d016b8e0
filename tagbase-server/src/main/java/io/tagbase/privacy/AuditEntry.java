package io.tagbase.privacy;

import java.time.Instant;

/** One audit record: who did what to which thing, when, from where. Never changed once written. */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String action,
    String targetType,
    String targetId,
    String detail,
    String remoteAddr) {}
