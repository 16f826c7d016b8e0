package io.tagbase.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;

/** Bean Validation for values built by console forms, with the same messages as the API. */
public final class FormValidation {
  private static final Validator VALIDATOR =
      jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();

  private FormValidation() {}

  /** The value itself, or a 400 naming the first field at fault. */
  public static <T> T valid(T value) {
    var violations = VALIDATOR.validate(value);
    if (!violations.isEmpty()) {
      ConstraintViolation<T> first =
          violations.stream()
              .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
              .orElseThrow();
      String field = first.getPropertyPath().toString();
      throw new InvalidInputException(field, field + ": " + first.getMessage());
    }
    return value;
  }
}
