package io.tagbase.tagging;

/**
 * One row of a bulk tagging request, as given: nothing is checked yet.
 *
 * @param row the row's number in the input, 1-based, for the error report
 * @param tagCode the tag of this row; null for the request's tag
 * @param value the value for a layered tag; null for the request's value
 * @param expiresAt ISO-8601 instant or date (yyyy-MM-dd: the end of that day); null for the default
 */
public record BulkItem(
    int row, String customerId, String tagCode, String value, String expiresAt) {}
