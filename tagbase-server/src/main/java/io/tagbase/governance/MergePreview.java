package io.tagbase.governance;

import java.util.List;
import java.util.Map;

/**
 * What merging {@code merged} into {@code kept} would do, computed without writing anything.
 *
 * @param keptMembers members of the kept tag now
 * @param added per merged tag, how many of its members the kept tag would gain
 * @param keptMembersAfter members of the kept tag after the merge (the union)
 * @param rewrites the rules, segments and automations whose references would be rewritten
 * @param warnings things to know before merging, in English
 */
public record MergePreview(
    String kept,
    List<String> merged,
    long keptMembers,
    Map<String, Long> added,
    long keptMembersAfter,
    List<Usage> rewrites,
    List<String> warnings) {}
