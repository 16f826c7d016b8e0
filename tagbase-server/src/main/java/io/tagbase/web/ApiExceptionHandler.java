package io.tagbase.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a REST call into RFC 9457 problem details: a message a person can act on,
 * the field at fault under {@code errors}, and never a stack trace or SQL.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), e.field());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), e.field());
  }

  /** A change kept for an approver: 202 with the request's id, and its address as Location. */
  @ExceptionHandler(ChangeAwaitsApproval.class)
  ResponseEntity<Map<String, Object>> awaitsApproval(ChangeAwaitsApproval e) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("status", "PENDING_APPROVAL");
    body.put("changeRequest", e.requestId());
    body.put("tag", e.tagCode());
    body.put("detail", e.getMessage());
    body.put("location", e.location());
    return ResponseEntity.accepted().header(HttpHeaders.LOCATION, e.location()).body(body);
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
  }

  /** Two requests raced to create the same thing; the loser is told so, like any duplicate. */
  @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
  ProblemDetail duplicate(org.springframework.dao.DuplicateKeyException e) {
    return problem(
        HttpStatus.CONFLICT,
        "Conflict",
        "The same item was written at the same moment by another request; read it and retry.",
        null);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Invalid input",
        "'" + e.getValue() + "' is not a valid value for " + e.getName() + ".",
        e.getName());
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected failure", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "The server could not complete the request; the error has been logged.",
        null);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                f ->
                    Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
            .toList();
    String detail =
        errors.stream()
            .map(m -> m.get("field") + ": " + m.get("message"))
            .reduce((a, b) -> a + "; " + b)
            .orElse("The request body is not valid.");
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    body.setTitle("Invalid input");
    body.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(body);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail body =
        problem(
            HttpStatus.BAD_REQUEST,
            "Malformed request body",
            "The request body is not valid JSON of the expected shape: " + JsonErrors.describe(e),
            JsonErrors.field(e));
    return ResponseEntity.badRequest().body(body);
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail, String field) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    if (field != null) {
      body.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    }
    return body;
  }
}
