package io.tagbase.governance;

import java.time.Instant;
import java.util.List;

/**
 * A merge as stored: the merged tags are archived, pointing at {@code kept}; it can be undone until
 * {@code undoUntil} while its status is DONE.
 *
 * @param status DONE or UNDONE
 * @param membersAdded how many customers the kept tag gained
 * @param rewritten how many rules, segments and automations were rewritten
 */
public record TagMerge(
    long id,
    String kept,
    List<String> merged,
    String status,
    int membersAdded,
    int rewritten,
    String mergedBy,
    Instant mergedAt,
    Instant undoUntil,
    String undoneBy,
    Instant undoneAt) {}
