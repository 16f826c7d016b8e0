package io.tagbase.automation;

import java.time.Instant;

/** An in-console notification; {@code username} null means every user. */
public record Notification(
    long id,
    String automation,
    String customer,
    String username,
    String message,
    Instant createdAt,
    Instant readAt) {}
