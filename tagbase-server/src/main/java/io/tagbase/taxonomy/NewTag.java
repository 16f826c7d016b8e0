package io.tagbase.taxonomy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A tag to create. Kind defaults to MANUAL, status to ACTIVE, value type to FLAG (LAYERED when
 * values are given), refresh mode to MANUAL, sensitivity to NORMAL.
 */
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
    TagStatus status,
    @Size(max = 100, message = "must be at most 100 characters") String owner,
    TagValueType valueType,
    @Valid @Size(max = 100, message = "may list at most 100 values") List<TagValue> values,
    RefreshMode refreshMode,
    @Min(value = 1, message = "must be between 1 and 36500 days")
        @Max(value = 36500, message = "must be between 1 and 36500 days")
        Integer defaultTtlDays,
    Sensitivity sensitivity) {

  /** A plain manual flag tag. */
  public static NewTag flag(
      String code,
      String categoryCode,
      String nameZh,
      String nameEn,
      String descZh,
      String descEn) {
    return new NewTag(
        code,
        categoryCode,
        nameZh,
        nameEn,
        descZh,
        descEn,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
