package io.tagbase.taxonomy;

import java.util.Locale;

final class Names {
  private Names() {}

  static String pick(Locale locale, String zh, String en) {
    boolean english = locale != null && "en".equals(locale.getLanguage());
    return english && en != null && !en.isBlank() ? en : zh;
  }
}
