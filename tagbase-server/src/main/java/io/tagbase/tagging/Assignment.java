package io.tagbase.tagging;

/** One customer-tag pair to assign in bulk. */
public record Assignment(String customerExternalId, String tagCode) {}
