package io.tagbase.tagging;

/**
 * Keys of the membership index. A flag tag is one bitmap under its code; a layered tag has one
 * bitmap per value under {@code code=value} plus the union of its values under its code, so "has
 * the tag" and "has this value" are both one bitmap. Codes cannot contain '=', so keys never clash.
 */
public final class TagKeys {
  private TagKeys() {}

  public static String of(String tagCode, String valueCode) {
    return valueCode == null ? tagCode : tagCode + "=" + valueCode;
  }

  /** The tag code of a key: {@code rfm} for {@code rfm=champion} and for {@code rfm}. */
  static String tagCode(String key) {
    int at = key.indexOf('=');
    return at < 0 ? key : key.substring(0, at);
  }

  /** True for a value key such as {@code rfm=champion}. */
  static boolean isValueKey(String key) {
    return key.indexOf('=') >= 0;
  }
}
