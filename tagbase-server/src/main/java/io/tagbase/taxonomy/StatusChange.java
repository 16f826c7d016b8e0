package io.tagbase.taxonomy;

import jakarta.validation.constraints.NotBlank;

/**
 * A status transition: {@code status} is DRAFT, ACTIVE, DEPRECATED or ARCHIVED (any case); with
 * {@code expectedVersion} the change is refused (409) when the tag has changed since.
 */
public record StatusChange(
    @NotBlank(message = "is required") String status, Integer expectedVersion) {}
