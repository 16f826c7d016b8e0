package io.tagbase.taxonomy;

import java.time.Instant;

/**
 * One recorded change of a tag definition.
 *
 * @param change what kind of change: CREATE, UPDATE, STATUS
 * @param definition the whole definition after the change, as JSON
 */
public record TagVersion(
    int version, String change, String changedBy, Instant changedAt, String definition) {}
