package io.tagbase.segment;

/** The overlap of two segments: members only in A, in both, only in B, and the Jaccard index. */
public record SegmentComparison(
    String a, String b, long onlyA, long both, long onlyB, double jaccard) {}
