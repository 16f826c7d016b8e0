package io.tagbase.governance;

/**
 * Something wrong with a tag, and the one action that fixes it most often.
 *
 * @param kind UNUSED, IDLE, NO_MEMBERS, NEAR_TOTAL, RULE_FAILED, RULE_STALE, OWNER_INACTIVE,
 *     NO_OWNER, NO_DESCRIPTION or NAMING
 * @param detail facts behind the finding, in English (numbers, dates, the broken rule)
 * @param action ARCHIVE, DEPRECATE, EVALUATE or EDIT
 */
public record Finding(String tag, String kind, String detail, String action) {}
