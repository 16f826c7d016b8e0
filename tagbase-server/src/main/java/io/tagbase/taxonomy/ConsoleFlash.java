package io.tagbase.taxonomy;

import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a console action and leaves its outcome for the next page: a notice on success, or the
 * reason for a refusal in the reader's language (English for refusals that carry no message key).
 */
@Component
class ConsoleFlash {
  private final MessageSource messages;
  private final Validator validator;

  ConsoleFlash(MessageSource messages, Validator validator) {
    this.messages = messages;
    this.validator = validator;
  }

  /** An action whose refusals are runtime exceptions. */
  interface Action {
    void run();
  }

  /** Runs {@code action}; true when it succeeded, after flashing {@code noticeKey} with args. */
  boolean run(
      RedirectAttributes flash, Locale locale, Action action, String noticeKey, Object... args) {
    try {
      action.run();
    } catch (io.tagbase.web.ChangeAwaitsApproval e) {
      // not made but kept for an approver: a notice, not an error
      flash.addFlashAttribute(
          "notice", messages.getMessage(e.messageKey(), e.messageArgs(), e.getMessage(), locale));
      return false;
    } catch (InvalidInputException | ConflictException | NotFoundException e) {
      flash.addFlashAttribute("error", describe(e, locale));
      return false;
    }
    notice(flash, locale, noticeKey, args);
    return true;
  }

  void notice(RedirectAttributes flash, Locale locale, String key, Object... args) {
    flash.addFlashAttribute("notice", messages.getMessage(key, args, locale));
  }

  /** Checks a form's bean-validation rules, as the API does; throws a 400 naming the fields. */
  <T> T valid(T form) {
    var violations = validator.validate(form);
    if (!violations.isEmpty()) {
      String detail =
          violations.stream()
              .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
              .map(ConsoleFlash::describe)
              .collect(Collectors.joining("; "));
      throw new InvalidInputException(
          violations.iterator().next().getPropertyPath().toString(), detail);
    }
    return form;
  }

  private String describe(RuntimeException e, Locale locale) {
    if (e instanceof Refusal.Localized localized) {
      return messages.getMessage(localized.key(), localized.args(), e.getMessage(), locale);
    }
    return e.getMessage();
  }

  private static String describe(ConstraintViolation<?> v) {
    return v.getPropertyPath() + ": " + v.getMessage();
  }
}
