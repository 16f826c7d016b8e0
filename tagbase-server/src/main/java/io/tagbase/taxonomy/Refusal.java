package io.tagbase.taxonomy;

import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Refusals of taxonomy changes that carry a message key, so the console can give the reason in the
 * reader's language while the API answers in English (the text of {@code messages_en}). Keys and
 * arguments follow {@link MessageFormat}.
 */
final class Refusal {
  private static final ResourceBundle ENGLISH =
      ResourceBundle.getBundle(
          "messages",
          Locale.ENGLISH,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

  private Refusal() {}

  /** A refusal the console can translate. */
  interface Localized {
    String key();

    Object[] args();
  }

  /** 400: the input cannot be accepted as it is. */
  static InvalidInputException invalid(String field, String key, Object... args) {
    return new Invalid(field, key, args);
  }

  /** 409: the request clashes with what is stored. */
  static ConflictException conflict(String field, String key, Object... args) {
    return new Conflict(field, key, args);
  }

  static String english(String key, Object... args) {
    try {
      return new MessageFormat(ENGLISH.getString(key), Locale.ENGLISH).format(args);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  private static final class Invalid extends InvalidInputException implements Localized {
    private final String key;
    private final transient Object[] args;

    Invalid(String field, String key, Object[] args) {
      super(field, english(key, args));
      this.key = key;
      this.args = args;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public Object[] args() {
      return args.clone();
    }
  }

  private static final class Conflict extends ConflictException implements Localized {
    private final String key;
    private final transient Object[] args;

    Conflict(String field, String key, Object[] args) {
      super(field, english(key, args));
      this.key = key;
      this.args = args;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public Object[] args() {
      return args.clone();
    }
  }
}
