package io.tagbase.taxonomy;

import jakarta.validation.constraints.Size;

/**
 * A change to a category: rename, move, reorder. Fields left null are unchanged; {@code parentCode}
 * "" moves the category to the top level.
 */
public record CategoryChange(
    @Size(max = 100, message = "must be at most 100 characters") String nameZh,
    @Size(max = 100, message = "must be at most 100 characters") String nameEn,
    String parentCode,
    Integer sortOrder) {

  public static CategoryChange moveTo(String parentCode) {
    return new CategoryChange(null, null, parentCode == null ? "" : parentCode, null);
  }

  public static CategoryChange rename(String nameZh, String nameEn, Integer sortOrder) {
    return new CategoryChange(nameZh, nameEn, null, sortOrder);
  }
}
