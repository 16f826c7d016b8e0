package io.tagbase.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A custom field to add to the schema. Fields can be added at any time; codes never change. */
public record NewAttribute(
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
    @NotNull(message = "is required: STRING, NUMBER, BOOLEAN, DATE, DATETIME, ENUM or LIST")
        AttributeType type,
    @Size(max = 200, message = "may list at most 200 options") List<String> options,
    boolean required,
    boolean pii,
    @Size(max = 1000, message = "must be at most 1000 characters") String description) {}
