package io.tagbase.segment;

import java.time.LocalDate;

/** A segment's size on a day (its last evaluation that day) and that day's enters and leaves. */
public record SegmentSize(LocalDate day, long size, long entered, long left) {}
