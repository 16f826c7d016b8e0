package io.tagbase.governance;

import java.time.Instant;

/**
 * A change to an active tag's rule waiting for (or decided by) an approver, with its dry-run effect
 * as of the request: members now, members under the proposed rule, who would enter and leave.
 *
 * @param status PENDING, APPROVED or REJECTED
 * @param current the rule before, null when the tag had none
 */
public record ChangeRequest(
    long id,
    String tagCode,
    String current,
    String proposed,
    long membersNow,
    long membersThen,
    long entering,
    long leaving,
    String status,
    String requestedBy,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String note) {}
