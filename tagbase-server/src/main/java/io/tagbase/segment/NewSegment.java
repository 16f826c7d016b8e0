package io.tagbase.segment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A segment to save: a JSON condition tree; DYNAMIC unless said otherwise. */
public record NewSegment(
    @NotBlank(message = "is required")
        @Pattern(
            regexp = "[a-z][a-z0-9_]{1,63}",
            message =
                "must start with a lower-case letter and use only a-z, 0-9 and _ (2-64 chars)")
        String code,
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String nameZh,
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String nameEn,
    @Size(max = 1000, message = "must be at most 1000 characters") String description,
    SegmentKind kind,
    @NotNull(message = "is required") Object condition) {}
