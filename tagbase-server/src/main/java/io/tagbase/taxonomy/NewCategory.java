package io.tagbase.taxonomy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A category to create; {@code parentCode} is empty for a top-level category. */
public record NewCategory(
    @NotBlank(message = "is required")
        @Pattern(
            regexp = TagCodes.PATTERN,
            message =
                "must start with a lower-case letter and use only a-z, 0-9 and _ (2-64 chars)")
        String code,
    String parentCode,
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String nameZh,
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String nameEn,
    Integer sortOrder) {}
