package io.tagbase.privacy;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The erase button of the customer page. */
@Controller
class ErasureConsoleController {
  private final ErasureService erasure;

  ErasureConsoleController(ErasureService erasure) {
    this.erasure = erasure;
  }

  @PostMapping("/customers/{externalId}/erase")
  String erase(@PathVariable String externalId, Principal principal, RedirectAttributes flash) {
    var done = erasure.erase(externalId, principal.getName());
    flash.addAttribute("erased", done.pseudonym());
    return "redirect:/customers";
  }
}
