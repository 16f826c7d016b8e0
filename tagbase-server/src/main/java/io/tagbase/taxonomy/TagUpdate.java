package io.tagbase.taxonomy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new version of a tag's definition, replacing the editable fields: send them all, as GET returns
 * them. Descriptions, owner and default TTL left out are cleared; kind, refresh mode, sensitivity
 * and values left out keep their current settings. {@code code}, {@code valueType} and {@code
 * status}, when given, must equal the stored ones (codes and value types never change; the status
 * has its own endpoint). With {@code expectedVersion} the update is refused (409) when the tag has
 * changed since that version.
 */
public record TagUpdate(
    String code,
    @NotBlank(message = "is required") String categoryCode,
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String nameZh,
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String nameEn,
    @Size(max = 1000, message = "must be at most 1000 characters") String descriptionZh,
    @Size(max = 1000, message = "must be at most 1000 characters") String descriptionEn,
    TagKind kind,
    @Size(max = 100, message = "must be at most 100 characters") String owner,
    TagValueType valueType,
    @Valid @Size(max = 100, message = "may list at most 100 values") List<TagValue> values,
    RefreshMode refreshMode,
    @Min(value = 1, message = "must be between 1 and 36500 days")
        @Max(value = 36500, message = "must be between 1 and 36500 days")
        Integer defaultTtlDays,
    Sensitivity sensitivity,
    TagStatus status,
    Integer expectedVersion) {

  /** The update that changes nothing but the category. */
  public static TagUpdate moving(TagDefinition tag, String categoryCode) {
    return new TagUpdate(
        tag.code(),
        categoryCode,
        tag.nameZh(),
        tag.nameEn(),
        tag.descriptionZh(),
        tag.descriptionEn(),
        tag.kind(),
        tag.owner(),
        tag.valueType(),
        tag.values(),
        tag.refreshMode(),
        tag.defaultTtlDays(),
        tag.sensitivity(),
        null,
        tag.version());
  }
}
