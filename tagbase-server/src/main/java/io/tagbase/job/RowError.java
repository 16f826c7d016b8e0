package io.tagbase.job;

/** One rejected row: its number in the input (1-based, as a person counts), the item, and why. */
public record RowError(int row, String item, String reason) {}
