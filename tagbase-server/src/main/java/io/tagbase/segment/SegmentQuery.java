package io.tagbase.segment;

import io.swagger.v3.oas.annotations.media.Schema;

/** An ad-hoc segment: a JSON condition tree, and for previews which slice of members to return. */
public record SegmentQuery(
    @Schema(
            description =
                "Condition tree: {\"tag\":\"vip\"}, {\"and\":[...]}, {\"or\":[...]}, {\"not\":{...}}",
            example = "{\"and\":[{\"tag\":\"vip\"},{\"not\":{\"tag\":\"churn_risk\"}}]}")
        Object condition,
    Integer offset,
    Integer limit) {}
