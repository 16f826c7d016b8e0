package io.tagbase.segment;

/** How many customers match, out of how many, and how long the index took (microseconds). */
public record SegmentCount(long count, long population, long micros) {}
