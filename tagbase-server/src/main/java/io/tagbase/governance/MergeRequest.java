package io.tagbase.governance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Merge {@code merged} into {@code kept}. */
public record MergeRequest(
    @NotBlank(message = "is required") String kept,
    @NotEmpty(message = "lists at least one tag")
        @Size(max = 50, message = "may list at most 50 tags")
        List<String> merged) {}
