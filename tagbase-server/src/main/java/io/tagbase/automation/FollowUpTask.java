package io.tagbase.automation;

import java.time.Instant;
import java.time.LocalDate;

/** A follow-up task for a sales rep about one customer; status OPEN or DONE. */
public record FollowUpTask(
    long id,
    String automation,
    String customer,
    String customerName,
    String assignee,
    String title,
    String note,
    LocalDate dueDate,
    String status,
    Instant createdAt,
    Instant doneAt,
    String doneBy) {}
