package io.tagbase.governance;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * A finding's detail in a language: the message {@code governance.detail.<KIND>} (or {@code
 * .<variant>}) with the finding's parameters as arguments in their order; a date never reached
 * reads as {@code governance.detail.never}.
 */
final class FindingText {
  private final MessageSource messages;
  private final Locale locale;
  private final String never;

  FindingText(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
    this.never = messages.getMessage("governance.detail.never", null, locale);
  }

  Finding finding(
      String tag, String kind, String action, String variant, Map<String, Object> params) {
    Object[] args =
        params.values().stream().map(v -> v == null ? never : String.valueOf(v)).toArray();
    String key = "governance.detail." + kind + (variant == null ? "" : "." + variant);
    return new Finding(tag, kind, params, messages.getMessage(key, args, locale), action);
  }
}
