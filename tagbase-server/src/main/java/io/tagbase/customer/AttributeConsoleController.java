package io.tagbase.customer;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** The schema editor: the profile's custom fields and a form to add one. */
@Controller
class AttributeConsoleController {
  private final AttributeSchema schema;

  AttributeConsoleController(AttributeSchema schema) {
    this.schema = schema;
  }

  /** The add-field form; options come as one per line. */
  record FieldForm(
      String code,
      String nameZh,
      String nameEn,
      AttributeType type,
      String options,
      Boolean required,
      Boolean pii,
      String description) {

    NewAttribute toNewAttribute() {
      List<String> list =
          options == null || options.isBlank()
              ? null
              : Arrays.stream(options.split("\\R"))
                  .map(String::trim)
                  .filter(s -> !s.isEmpty())
                  .toList();
      return new NewAttribute(
          code,
          nameZh,
          nameEn,
          type,
          list,
          Boolean.TRUE.equals(required),
          Boolean.TRUE.equals(pii),
          description == null || description.isBlank() ? null : description);
    }
  }

  @GetMapping("/attributes")
  String page(Model model) {
    model.addAttribute("fields", schema.fields());
    model.addAttribute("types", AttributeType.values());
    model.addAttribute("builtIn", AttributeSchema.BUILT_IN.stream().sorted().toList());
    return "customer/attributes";
  }

  /** Adds the field; htmx is told to reload the page, a plain form post is redirected. */
  @PostMapping("/attributes")
  String add(
      @ModelAttribute FieldForm form,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletResponse response) {
    schema.define(io.tagbase.web.FormValidation.valid(form.toNewAttribute()));
    if (htmx != null) {
      response.setHeader("HX-Redirect", "/attributes");
      return "fragments :: empty";
    }
    return "redirect:/attributes";
  }
}
