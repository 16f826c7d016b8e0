package io.tagbase.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * Who a draft rule would tag: the count, up to 20 of them, and, when a tag is given, how many would
 * enter and leave compared with its members today (null without a tag).
 */
public record DryRun(
    String canonical,
    LocalDate asOf,
    long count,
    List<String> sample,
    Long entering,
    Long leaving) {}
