package io.tagbase.tagging;

import java.util.List;

/** How many customers match, and the external ids of one page of them. */
public record MemberPage(long total, List<String> externalIds) {}
