package io.tagbase.governance;

/**
 * A tag's quality score, 0-100: 25 points each for documented (a description), owned (an owner who
 * is an active user), used (referenced, or holding members) and healthy (no health or naming
 * findings).
 */
public record TagQuality(
    String tag,
    String nameZh,
    String nameEn,
    int score,
    boolean documented,
    boolean owned,
    boolean used,
    boolean healthy) {}
