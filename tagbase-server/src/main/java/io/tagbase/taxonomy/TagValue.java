package io.tagbase.taxonomy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** One value of a layered tag, such as an RFM tier; values are ordered as listed. */
public record TagValue(
    @NotBlank(message = "is required")
        @Pattern(
            regexp = TagCodes.PATTERN,
            message =
                "must start with a lower-case letter and use only a-z, 0-9 and _ (2-64 chars)")
        String code,
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String nameZh,
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String nameEn) {

  public String name(Locale locale) {
    return Names.pick(locale, nameZh, nameEn);
  }
}
