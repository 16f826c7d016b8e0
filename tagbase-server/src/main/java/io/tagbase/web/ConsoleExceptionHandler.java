package io.tagbase.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Console pages show what went wrong and what to fix: inline (an htmx fragment, swapped into the
 * page) for htmx requests, as the error page otherwise; with the right status either way.
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleExceptionHandler {

  @ExceptionHandler({InvalidInputException.class, ConflictException.class, NotFoundException.class})
  ModelAndView handle(
      RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
    HttpStatus status =
        e instanceof NotFoundException
            ? HttpStatus.NOT_FOUND
            : e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
    response.setStatus(status.value());
    boolean htmx = request.getHeader("HX-Request") != null;
    ModelAndView view = new ModelAndView(htmx ? "fragments :: problem" : "error");
    view.addObject("status", status.value());
    view.addObject("error", e.getMessage());
    view.addObject("message", e.getMessage());
    return view;
  }
}
