package io.tagbase.taxonomy;

import java.security.Principal;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** Console forms that create and change tag definitions. */
@Controller
class TagConsoleController {
  private final TaxonomyService taxonomy;
  private final TagEditor tags;
  private final ConsoleFlash flash;

  TagConsoleController(TaxonomyService taxonomy, TagEditor tags, ConsoleFlash flash) {
    this.taxonomy = taxonomy;
    this.tags = tags;
    this.flash = flash;
  }

  @PostMapping("/tags")
  String create(
      @ModelAttribute TagForm form, Principal principal, Locale locale, RedirectAttributes r) {
    boolean created =
        flash.run(
            r,
            locale,
            () -> taxonomy.createTag(flash.valid(form.toNewTag()), principal.getName()),
            "taxonomy.notice.tagCreated",
            form.code());
    return created ? detail(form.code().strip()) : "redirect:/tags";
  }

  @PostMapping("/tags/{code}/edit")
  String edit(
      @PathVariable String code,
      @ModelAttribute TagForm form,
      Principal principal,
      Locale locale,
      RedirectAttributes r) {
    flash.run(
        r,
        locale,
        () ->
            tags.update(code, flash.valid(form.toUpdate(taxonomy.get(code))), principal.getName()),
        "tag.notice.updated",
        code);
    return detail(code);
  }

  @PostMapping("/tags/{code}/status")
  String status(
      @PathVariable String code,
      @RequestParam String status,
      @RequestParam(required = false) Integer expectedVersion,
      Principal principal,
      Locale locale,
      RedirectAttributes r) {
    flash.run(
        r,
        locale,
        () ->
            tags.changeStatus(code, new StatusChange(status, expectedVersion), principal.getName()),
        "tag.notice.status",
        code);
    return detail(code);
  }

  @PostMapping("/tags/move-tag")
  String move(
      @RequestParam String tag,
      @RequestParam String category,
      Principal principal,
      Locale locale,
      RedirectAttributes r) {
    flash.run(
        r,
        locale,
        () -> tags.move(tag, category, principal.getName()),
        "taxonomy.notice.tagMoved",
        tag);
    return "redirect:/tags";
  }

  private static String detail(String code) {
    return "redirect:/tags/" + UriUtils.encodePathSegment(code, "UTF-8");
  }
}
