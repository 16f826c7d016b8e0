package io.tagbase.customer;

/**
 * A checked value of a custom field.
 *
 * @param text the canonical text: plain numbers, true/false, ISO dates and times, JSON arrays
 * @param number the value as a number where it has one (numbers; dates as epoch days; times as
 *     epoch seconds), for range queries; null otherwise
 */
public record AttributeValue(String text, Double number) {}
