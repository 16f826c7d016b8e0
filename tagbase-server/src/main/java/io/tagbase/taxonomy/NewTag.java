package io.tagbase.taxonomy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A tag to create. Kind defaults to MANUAL and status to ACTIVE. */
public record NewTag(
    @NotBlank(message = "is required")
        @Pattern(
            regexp = TagCodes.PATTERN,
            message =
                "must start with a lower-case letter and use only a-z, 0-9 and _ (2-64 chars)")
        String code,
    @NotBlank(message = "is required") String categoryCode,
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String nameZh,
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String nameEn,
    @Size(max = 1000, message = "must be at most 1000 characters") String descriptionZh,
    @Size(max = 1000, message = "must be at most 1000 characters") String descriptionEn,
    TagKind kind,
    TagStatus status) {}
