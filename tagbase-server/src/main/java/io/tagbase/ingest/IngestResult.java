package io.tagbase.ingest;

/** How many events were stored, and how many were repeats of stored ones and skipped. */
public record IngestResult(int accepted, int duplicates) {}
