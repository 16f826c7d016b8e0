package io.tagbase.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model values every console page's layout uses. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModel {

  @ModelAttribute("currentUser")
  String currentUser(Principal principal) {
    return principal == null ? "" : principal.getName();
  }
}
