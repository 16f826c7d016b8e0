package io.tagbase.governance;

import java.util.Map;

/**
 * Something wrong with a tag, and the one action that fixes it most often.
 *
 * @param kind UNUSED, IDLE, NO_MEMBERS, NEAR_TOTAL, RULE_FAILED, RULE_STALE, OWNER_INACTIVE,
 *     NO_OWNER, NO_DESCRIPTION or NAMING: stable, for machines
 * @param params the facts behind the finding by name (numbers, ISO dates, the broken rule), stable
 *     for machines; a date never reached is null
 * @param detail the facts in a sentence, in the language asked for
 * @param action ARCHIVE, DEPRECATE, EVALUATE or EDIT
 */
public record Finding(
    String tag, String kind, Map<String, Object> params, String detail, String action) {}
