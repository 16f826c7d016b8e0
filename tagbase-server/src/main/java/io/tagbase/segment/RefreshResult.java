package io.tagbase.segment;

/** What one re-evaluation found: the new size and how many entered and left. */
public record RefreshResult(String code, long size, int entered, int left, long micros) {}
