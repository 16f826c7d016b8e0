package io.tagbase.customer;

import java.util.List;
import java.util.Locale;

/**
 * A custom field of the customer profile.
 *
 * @param options the allowed values of an ENUM field, in display order; empty otherwise
 * @param pii the field holds personal information: masked for roles without the permission
 */
public record AttributeDefinition(
    long id,
    String code,
    String nameZh,
    String nameEn,
    AttributeType type,
    List<String> options,
    boolean required,
    boolean pii,
    String description) {

  public String name(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
  }
}
