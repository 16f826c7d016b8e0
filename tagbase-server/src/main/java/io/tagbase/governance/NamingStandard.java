package io.tagbase.governance;

import jakarta.validation.constraints.Size;

/**
 * A category's naming standard: tag codes in it must match {@code codePattern} (a Java regular
 * expression over the whole code; none when blank), and the listed fields must be filled in.
 */
public record NamingStandard(
    String categoryCode,
    @Size(max = 200, message = "must be at most 200 characters") String codePattern,
    boolean requireDescription,
    boolean requireOwner) {}
