package io.tagbase.privacy;

import io.tagbase.web.InvalidInputException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The consent card on a customer's profile page, loaded and saved with htmx. */
@Controller
class ConsentConsoleController {
  private final Consents consents;

  ConsentConsoleController(Consents consents) {
    this.consents = consents;
  }

  @GetMapping("/customers/{externalId}/consents")
  String panel(@PathVariable String externalId, Model model) {
    return fill(externalId, model, null);
  }

  @PostMapping("/customers/{externalId}/consents")
  String save(
      @PathVariable String externalId,
      @RequestParam String purpose,
      @RequestParam String status,
      @RequestParam(defaultValue = "console") String source,
      Model model,
      Principal principal) {
    String error = null;
    try {
      consents.set(
          externalId, List.of(new ConsentChange(purpose, status, source)), principal.getName());
    } catch (InvalidInputException e) {
      error = e.getMessage();
    }
    return fill(externalId, model, error);
  }

  private String fill(String externalId, Model model, String error) {
    List<Consent> current = consents.of(externalId);
    List<String> purposes = new ArrayList<>(Consents.PURPOSES);
    current.stream()
        .map(Consent::purpose)
        .filter(p -> !purposes.contains(p))
        .forEach(purposes::add);
    model.addAttribute("customerId", externalId);
    model.addAttribute("purposes", purposes);
    model.addAttribute(
        "byPurpose",
        current.stream().collect(java.util.stream.Collectors.toMap(Consent::purpose, c -> c)));
    model.addAttribute("history", consents.history(externalId, 10));
    model.addAttribute("error", error);
    return "privacy/consents :: panel";
  }
}
