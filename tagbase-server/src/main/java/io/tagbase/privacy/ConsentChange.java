package io.tagbase.privacy;

/** One purpose to set: status GRANTED or REFUSED, and where the answer came from. */
public record ConsentChange(String purpose, String status, String source) {}
