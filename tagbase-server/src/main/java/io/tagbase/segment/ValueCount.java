package io.tagbase.segment;

/** A value and how many members have it. */
public record ValueCount(String value, long count) {}
